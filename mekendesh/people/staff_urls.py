from django.urls import path

from mekendesh.people import staff_views

app_name = "staff"
urlpatterns = [
    path("", staff_views.home, name="home"),
]
