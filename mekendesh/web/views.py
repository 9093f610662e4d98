from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from mekendesh.accounts.permissions import is_staff


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


@login_required
def after_login(request: HttpRequest) -> HttpResponse:
    """Send staff to their workspace and migrants to their own data."""
    if is_staff(request.user):
        return redirect("staff:home")
    return redirect("migrant:home")
