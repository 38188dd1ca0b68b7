"""The focal points' "My state" area (placeholder until it lands)."""

from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import TemplateView

app_name = "my_state"

urlpatterns = [
    path("", login_required(TemplateView.as_view(template_name="my_state/home.html")), name="home"),
]
