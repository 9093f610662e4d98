from django.urls import path

from mekendesh.guidance import views

app_name = "guidance"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("reminders/stop/<str:token>/", views.reminders_stop, name="reminders_stop"),
    path("<slug:country>/<slug:topic>/", views.article, name="article"),
]
