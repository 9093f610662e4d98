from django.urls import path

from mekendesh.people import migrant_views

app_name = "migrant"
urlpatterns = [
    path("", migrant_views.home, name="home"),
]
