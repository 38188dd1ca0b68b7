"""What one write costs in renders, in-process: every path the mixed workload reads (the pages in
ar, en and fr, the API lists, from bench/results.json) is cached, a commitment of Türkiye is saved,
and each path is requested again and timed. Run it against a bench database with a cache of its
own, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:54329/oic_bench_10 REDIS_URL=redis://127.0.0.1:6390/0 \\
    DJANGO_DEBUG=false DJANGO_SECRET_KEY=… DJANGO_HTTPS=false DJANGO_ALLOWED_HOSTS=127.0.0.1 \\
    .venv/bin/python bench/after_write.py

It saves one commitment's description (a space and a full stop more) in that database, and lists
the slowest paths (``TOP=N``, 10 by default).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oic_mediation.settings")


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client

    from resolutions.models import Commitment

    # Every visit checks the generations: the cost of a write, not of the staleness bound.
    settings.PUBLIC_CACHE_STALE_SECONDS = 0
    rows = json.loads((ROOT / "bench" / "results.json").read_text())
    paths = []
    for row in rows:
        if row["scale"] != max(r["scale"] for r in rows) or row["kind"] not in ("page", "api"):
            continue
        if row["kind"] == "page":
            paths += [f"/{code}/{row['path'].removeprefix('/en/')}" for code in ("ar", "en", "fr")]
        else:
            paths.append(row["path"])
    client = Client(HTTP_HOST="127.0.0.1")
    cache.clear()
    for _round in range(2):
        for path in paths:
            client.get(path)
    commitment = Commitment.objects.filter(state__slug="turkiye").first()
    commitment.description = (commitment.description or "") + " ."
    commitment.save()
    costs = []
    for path in paths:
        started = time.perf_counter()
        client.get(path)
        costs.append(((time.perf_counter() - started) * 1000, path))
    costs.sort(reverse=True)
    total = sum(cost for cost, _path in costs)
    print(f"After a commitment is saved: {total:.0f} ms of renders over {len(costs)} paths.")
    for cost, path in costs[: int(os.environ.get("TOP", 10))]:
        print(f"{cost:7.0f} ms  {path}")


if __name__ == "__main__":
    main()
