"""The portal's URLs plus one API view that fails, to see what a client gets from a crash."""

from django.urls import path

from oic_mediation.urls import *  # noqa: F403 (the handlers too)
from oic_mediation.urls import urlpatterns as portal_urlpatterns


def crash(request):
    raise RuntimeError("A bug in a view")


urlpatterns = [path("api/v1/crash/", crash), *portal_urlpatterns]
