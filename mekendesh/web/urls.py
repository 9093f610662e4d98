from django.urls import path

from mekendesh.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("after-login/", views.after_login, name="after_login"),
]
