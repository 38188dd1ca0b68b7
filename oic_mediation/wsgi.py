import gc
import os

from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_mediation.settings")
application = get_wsgi_application()

# The garbage collector, tuned for a worker that serves one request after another (CPython 3.11).
#
# What start-up loaded (Django, the apps and their registries) lives as long as the process: it is
# moved out of the collector's generations, so that full collections no longer scan it. Their
# pauses were the slowest requests of every page: p99 248 → 104 ms, max 315 → 126 ms over 300
# renders of four API lists and the search at the bench's scale 10.
#
# What the first requests load (URL patterns, templates, catalogues, serializers) is frozen too,
# and full collections no longer run in the middle of a request: a request leaves reference
# cycles behind, and a full collection that starts inside the next one holds it 30-150 ms at the
# bench's scale 10 (the API's roster profiles: p50 51 ms, p95 228 ms). Automatic collections stop
# at generation 1 (under 5 ms); the full one runs once the request's response is sent (Django's
# request_finished fires on close, after gunicorn wrote the last byte), as often as CPython's own
# thresholds would have run it.
FULL_COLLECTION_AFTER = 10  # collections of generation 1, CPython's default third threshold
FREEZE_DURING_FIRST_REQUESTS = 200


class _Collector:
    def __init__(self) -> None:
        self.requests = 0

    def __call__(self, **_kwargs) -> None:
        self.requests += 1
        if gc.get_count()[2] < FULL_COLLECTION_AFTER:
            return
        gc.collect()
        if self.requests <= FREEZE_DURING_FIRST_REQUESTS:
            # Only what is still alive after a full collection, between two requests, is frozen:
            # the process's own state, not one request's leftovers.
            gc.freeze()


collect_between_requests = _Collector()
gc.collect()
gc.freeze()
young, middle, _full = gc.get_threshold()
gc.set_threshold(young, middle, 2**31 - 1)
request_finished.connect(collect_between_requests, dispatch_uid="collect_between_requests")
