"""A bare view for ``make bench``: the stack's own ceiling (every middleware, no database).

Routed only when ``OIC_BENCH`` is true (``settings.BENCH_MODE``); never in production.
"""

from django.http import HttpResponse


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")
