import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_mediation.settings")
application = get_wsgi_application()

# What start-up loaded (Django, the apps and their registries) lives as long as the process: it is
# moved out of the garbage collector's generations, so that the full collections that run every
# few dozen requests (each request leaves reference cycles) no longer scan it. Their pauses were
# the slowest requests of every page: p99 248 → 104 ms, max 315 → 126 ms over 300 renders of four
# API lists and the search at the bench's scale 10 (in-process, bench/run.py measures the rest).
gc.collect()
gc.freeze()
