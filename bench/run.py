"""`make bench`: the portal under load at scale 1 (a decade of data) and scale 10, on PostgreSQL.

For each scale: a database of its own (oic_bench_1, oic_bench_10) with the reference data and the
demo data, and gunicorn with 2 sync workers on 127.0.0.1 and production-like settings (one server
per scale, side by side); then for every public page, API list, the CSV export of commitments and
the heaviest admin changelists:

- queries per request, counted in-process on every connection (bench/queries.py): warm, cold
  (cache emptied) and for a visitor the response cache does not serve (a cookie of its own);
- median and p95 latency of one client making requests one after another, to the servers of the
  two scales in turn, so that the machine's pauses fall on both alike: served from the cache
  (rows "page", "api"), and rendered for a visitor the cache does not serve (rows "page-cold",
  "api-cold": what anyone gets right after a write changed the page);
- requests per second under concurrent load (wrk, installed if missing), one scale at a time, and
  the same against /bench/bare/ on the same server, a view with no database work:
  ``ratio = rps / bare_rps`` is what counts on a noisy shared machine, not absolute figures;
- for the export, the peak growth of the worker's resident memory while it streams the whole table;
- the mixed workload (rows "mixed"): wrk's readers go through every public page (ar, en, fr) and
  API list while a focal point writes one record a second through the API and the My-state
  form; readers' throughput as a ratio to the bare view, their p95, and every error counted;
- one implementation report (English, PDF) at the largest scale (row "report"; bench/report.py).

Prints a table, checks the targets, writes bench/results.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import psutil
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (  # noqa: E402
    BIN,
    HOST,
    PYTHON,
    ROOT,
    log,
    manage,
    production_environment,
    server_url,
)

RESULTS = ROOT / "bench" / "results.json"
SEED = 2018
BARE_PATH = "/bench/bare/"

# Targets of issue 7 (the cached path, the admin, the export) and issue 16 (the cold path, the
# mixed workload, the report).
RATIO_TARGETS = {"page": 0.7, "api": 0.5}
P95_GROWTH_LIMIT = 1.3
# Every page (public pages and the Secretariat's admin changelists) and every API list. The full
# export reads the whole table by definition: its target is constant memory, not latency.
P95_KINDS = ("page", "api", "admin")
# A render the response cache does not serve: p95 at the largest scale at most this, and at most
# COLD_GROWTH_LIMIT times its value at the smallest (or COLD_GROWTH_SLACK_MS above it).
COLD_KINDS = {"page": "page-cold", "api": "api-cold"}
COLD_P95_LIMIT_MS = 150
COLD_GROWTH_LIMIT = 1.5
COLD_GROWTH_SLACK_MS = 10
MIXED_RATIO_TARGET = 0.3
MIXED_P95_LIMIT_MS = 250
REPORT_SECONDS_LIMIT = 20
EXPORT_RSS_LIMIT_MB = 20
TOTAL_SECONDS_LIMIT = 600
# The cookie of a visitor the response cache does not serve (bench/queries.py counts the same).
BYPASS_COOKIE = "oic-bench-cold=1"


# -- databases --------------------------------------------------------------------------------


def admin_connection(server: str):
    connection = psycopg.connect(f"{server}/postgres")
    connection.autocommit = True
    return connection


def demo_commitments(server: str, name: str) -> int | None:
    try:
        connection = psycopg.connect(f"{server}/{name}")
    except psycopg.OperationalError:
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM resolutions_commitment c JOIN auth_user u "
                "ON u.id = c.created_by_id WHERE u.username = 'demo-data-generator'"
            )
            return cursor.fetchone()[0]
    except psycopg.Error:
        return None
    finally:
        connection.close()


def prepare_database(server: str, scale: int, env: dict, *, reuse: bool) -> None:
    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    planned = 600 * scale
    if reuse and demo_commitments(server, name) == planned:
        log(f"Reusing {name} (demo data at scale {scale} present); applying any new migration.")
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "createcachetable")
        vacuum_analyze(env)
        return
    log(f"Creating {name}: migrate, reference data, demo data at scale {scale}.")
    connection = admin_connection(server)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "load_reference_data")
    manage(env, "generate_demo_data", "--scale", str(scale), "--seed", str(SEED))
    vacuum_analyze(env)


def vacuum_analyze(env: dict) -> None:
    """Planner statistics and visibility maps, as autovacuum keeps them on a live server (the
    previous runs' writes and new indexes included)."""
    connection = psycopg.connect(env["DATABASE_URL"])
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()


# -- the server -------------------------------------------------------------------------------


def bench_environment(database_url: str, var_dir: Path, secret_key: str) -> dict:
    # OIC_BENCH routes /bench/bare/, the stack's ceiling (never routed otherwise).
    return production_environment(database_url, var_dir, secret_key, OIC_BENCH="1")


class Server:
    def __init__(self, env: dict, port: int, workers: int, log_path: Path):
        self.port = port
        self.log = open(log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "oic_mediation.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--worker-class",
                "sync",
                "--timeout",
                "300",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if request(port, BARE_PATH)[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer on port {port}; see {log_path}")

    def workers(self) -> list[psutil.Process]:
        return psutil.Process(self.process.pid).children()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def request(port: int, path: str, cookie: str = "") -> tuple[int, int]:
    """GET ``path``; return the status and the body's length (read to the end)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    headers = {"Accept-Language": "en", "Host": HOST}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
        return response.status, size
    finally:
        connection.close()


# -- measurements -----------------------------------------------------------------------------


def interleaved_latency(
    targets: list[tuple[int, str, str]], seconds: float, min_rounds: int, max_rounds: int = 400
) -> list[tuple[float, float, int]]:
    """Median and p95 in milliseconds of one client's sequential requests to each target, and
    the size in bytes of its response body.

    ``targets`` are (port, path, cookie): the same endpoint on the server of each scale. The
    client asks each in turn, round after round (the order alternating), so a pause of the
    machine falls on every scale alike instead of on whichever ran at that moment: on a shared
    2-core machine, noise of a few hundred microseconds would otherwise decide a comparison of
    1-2 ms latencies. One warm-up request each first; at least ``min_rounds`` rounds, then more
    until ``seconds`` have passed.
    """
    sizes = []
    for port, path, cookie in targets:
        status, size = request(port, path, cookie)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        sizes.append(size)
    times: list[list[float]] = [[] for _target in targets]
    deadline = time.monotonic() + seconds
    rounds = 0
    while (rounds < min_rounds or time.monotonic() < deadline) and rounds < max_rounds:
        order = range(len(targets)) if rounds % 2 == 0 else reversed(range(len(targets)))
        for index in order:
            port, path, cookie = targets[index]
            started = time.perf_counter()
            status, _size = request(port, path, cookie)
            times[index].append((time.perf_counter() - started) * 1000)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
        rounds += 1
    return [
        (statistics.median(sample), percentile(sample, 0.95), size)
        for sample, size in zip(times, sizes, strict=True)
    ]


def percentile(sample: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the value below which ``fraction`` of the sample falls."""
    ordered = sorted(sample)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def find_wrk() -> str:
    """wrk, installed with apt-get when missing and run as root: a threaded Python client
    saturates long before the bare view does, so it would measure itself, not the portal."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("Installing wrk (apt-get install -y wrk).")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        found = shutil.which("wrk")
    if not found:
        raise SystemExit(
            "make bench needs wrk, the load generator: apt-get install wrk (Debian, Ubuntu), "
            "brew install wrk (macOS), or build it from https://github.com/wg/wrk."
        )
    return found


WRK = ""


def wrk_seconds(seconds: float) -> str:
    """A duration as wrk reads it: whole seconds (it refuses "1.5s" and prints its usage)."""
    return f"{max(1, math.ceil(seconds))}s"


def throughput(port: int, path: str, cookie: str, seconds: float, connections: int) -> float:
    """Requests per second under ``connections`` concurrent clients for ``seconds`` (wrk)."""
    command = [WRK, "-t1", f"-c{connections}", f"-d{wrk_seconds(seconds)}", "--timeout", "30s"]
    command += ["-H", "Accept-Language: en"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://{HOST}:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{path}: {errors.group(1)} error responses under load")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def export_memory(env: dict, port: int, path: str, log_path: Path) -> tuple[float, float]:
    """Peak RSS growth (MB) of a lone worker streaming the whole export, and the export's size.

    A fresh one-worker server is warmed up on other pages first, so the growth measured is what
    the export itself holds, not the worker's first imports.
    """
    server = Server(env, port, workers=1, log_path=log_path)
    try:
        (worker,) = server.workers()
        for warm_up in ("/api/v1/commitments/", "/en/", "/api/v1/states/"):
            request(port, warm_up)
        baseline = worker.memory_info().rss
        peak = baseline
        streaming = threading.Event()
        streaming.set()

        def sample() -> None:
            nonlocal peak
            while streaming.is_set():
                peak = max(peak, worker.memory_info().rss)
                time.sleep(0.005)

        sampler = threading.Thread(target=sample)
        sampler.start()
        status, size = request(port, path)
        streaming.clear()
        sampler.join()
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        return (peak - baseline) / 2**20, size / 2**20
    finally:
        server.stop()


# -- the mixed workload -------------------------------------------------------------------------


def call(port: int, method: str, path: str, headers: dict, body: bytes = b"") -> tuple:
    """One request: status, headers (lower-case names; every Set-Cookie), body."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request(method, path, body=body or None, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        content = response.read()
        found = {}
        for name, value in response.getheaders():
            found.setdefault(name.lower(), []).append(value)
        return response.status, found, content
    finally:
        connection.close()


class Writer(threading.Thread):
    """A focal point writing one record every ``interval`` seconds, in turn: a pledge through the
    API, an edit of it (PATCH with If-Match), a progress report on it, and an edit of another
    commitment through the My-state form (GET, then POST with the CSRF token and the version).
    Any answer but the expected one is an error."""

    def __init__(self, port: int, focal_point: dict, interval: float):
        super().__init__(daemon=True)
        self.port, self.focal_point, self.interval = port, focal_point, interval
        self.stopping = threading.Event()
        self.times: list[float] = []
        self.errors: list[str] = []
        self.commitment = None
        self.etag = ""
        self.number = 0

    def run(self) -> None:
        steps = [self.pledge, self.edit, self.report, self.form_edit]
        while not self.stopping.is_set():
            step = steps[self.number % len(steps)]
            self.number += 1
            started = time.perf_counter()
            try:
                step()
            except Exception as error:  # noqa: BLE001 - every failure is counted
                self.errors.append(f"{step.__name__}: {error}")
            self.times.append((time.perf_counter() - started) * 1000)
            self.stopping.wait(self.interval)

    def api(self, method: str, path: str, data: dict, expected: int, **headers) -> tuple:
        status, found, body = call(
            self.port,
            method,
            path,
            {
                "Authorization": f"Token {self.focal_point['token']}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                **headers,
            },
            json.dumps(data).encode(),
        )
        if status != expected:
            raise RuntimeError(f"{method} {path} answered {status}: {body[:200]!r}")
        return found, json.loads(body)

    def pledge(self) -> None:
        found, body = self.api(
            "POST",
            "/api/v1/commitments/",
            {
                "paragraph": self.focal_point["paragraph"],
                "title": f"Bench pledge {self.number}",
                "target_quantity": 100,
                "unit": "diplomats_trained",
            },
            201,
        )
        self.commitment, self.etag = body["id"], found["etag"][0]

    def edit(self) -> None:
        if self.commitment is None:
            return self.pledge()
        found, _body = self.api(
            "PATCH",
            f"/api/v1/commitments/{self.commitment}/",
            {"description": f"Edited by the bench, write {self.number}."},
            200,
            **{"If-Match": self.etag},
        )
        self.etag = found["etag"][0]

    def report(self) -> None:
        if self.commitment is None:
            return self.pledge()
        self.api(
            "POST",
            "/api/v1/progress-reports/",
            {
                "commitment": self.commitment,
                "status": "in_progress",
                "quantity_delivered": self.number % 100,
                "narrative": "More diplomats trained.",
            },
            201,
        )

    def form_edit(self) -> None:
        path = f"/en/my-state/commitments/{self.focal_point['commitment']}/edit/"
        session = self.focal_point["session_cookie"]
        status, found, body = call(self.port, "GET", path, {"Cookie": session})
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        page = body.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        csrf_cookie = next(
            cookie.split(";")[0] for cookie in found.get("set-cookie", []) if "csrf" in cookie
        )
        fields = {"title": f"Edited through the form, write {self.number}", "unit": "events"}
        for name in ("description", "target_quantity", "due_on", "version"):
            match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page)
            fields[name] = match.group(1) if match else ""
        fields["csrfmiddlewaretoken"] = token
        status, _found, body = call(
            self.port,
            "POST",
            path,
            {
                "Cookie": f"{session}; {csrf_cookie}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            urllib.parse.urlencode(fields).encode(),
        )
        if status != 302:
            raise RuntimeError(f"POST {path} answered {status}: {body[:200]!r}")


def mixed_workload(
    port: int, paths: list[str], focal_point: dict, seconds: float, connections: int, log_path: Path
) -> dict:
    """Readers (wrk over ``paths``) while a focal point writes once a second; bare view before
    and after on the same server."""
    bare_before = throughput(port, BARE_PATH, "", 1.5, connections)
    paths_file = log_path.with_suffix(".paths")
    paths_file.write_text("\n".join(paths) + "\n")
    log_offset = log_path.stat().st_size
    writer = Writer(port, focal_point, interval=1.0)
    writer.start()
    try:
        output = subprocess.run(
            [WRK, "-t1", f"-c{connections}", f"-d{wrk_seconds(seconds)}", "--timeout", "30s"]
            + ["-s", str(ROOT / "bench" / "readers.lua"), f"http://{HOST}:{port}/"]
            + ["--", str(paths_file)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        writer.stopping.set()
        writer.join(timeout=120)
    bare_after = throughput(port, BARE_PATH, "", 1.5, connections)
    summary = json.loads(re.search(r"^MIXED (.*)$", output, re.MULTILINE).group(1))
    server_errors = log_path.read_text(errors="replace")[log_offset:].count("Traceback")
    reader_errors = sum(summary[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    bare_rps = (bare_before + bare_after) / 2
    rps = summary["requests"] / (summary["duration_us"] / 1e6)
    return {
        "rps": round(rps, 1),
        "bare_rps": round(bare_rps, 1),
        "ratio": round(rps / bare_rps, 3),
        "p50_ms": round(summary["p50_us"] / 1000, 2),
        "p95_ms": round(summary["p95_us"] / 1000, 2),
        "requests": summary["requests"],
        "errors": reader_errors + len(writer.errors) + server_errors,
        "reader_errors": reader_errors,
        "writes": len(writer.times),
        "write_errors": writer.errors[:10],
        "write_p95_ms": round(percentile(writer.times, 0.95), 1) if writer.times else None,
        "server_tracebacks": server_errors,
    }


def report_timing(env: dict) -> dict:
    """bench/report.py against one scale's database."""
    return json.loads(
        subprocess.run(
            [PYTHON, str(ROOT / "bench" / "report.py")],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )


def count_queries(env: dict) -> dict:
    """bench/queries.py against one scale's database: the endpoints, their query counts and the
    Secretariat's session cookie."""
    return json.loads(
        subprocess.run(
            [PYTHON, str(ROOT / "bench" / "queries.py")],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )


# Rounds of the latency comparison at least: the export streams the whole table (seconds at
# scale 10) and has no latency target, so fewer. Cold renders take tens of milliseconds each.
MIN_ROUNDS = {"page": 60, "api": 60, "admin": 80, "export": 5}
COLD_MIN_ROUNDS = 30
# Throughput is measured where it has a target: the cached public pages and API lists.
THROUGHPUT_KINDS = ("page", "api")


def measure(
    envs: dict[int, dict],
    base_port: int,
    seconds: float,
    connections: int,
    mixed_seconds: float,
    work_dir: Path,
) -> list[dict]:
    """Every endpoint at every scale: latency (cached, then cold) with one server per scale
    running side by side, then throughput and the mixed workload one scale at a time, then the
    export's memory and the report."""
    scales = sorted(envs)
    counted = {}
    for scale in scales:
        log(f"Counting queries at scale {scale}.")
        counted[scale] = count_queries(envs[scale])
    endpoints = {}
    for scale in scales:
        for endpoint in counted[scale]["endpoints"]:
            if endpoint["status"] != 200:
                log(
                    f"  skipped {endpoint['path']} at scale {scale}: it answered {endpoint['status']}"
                )
                continue
            endpoints.setdefault(endpoint["name"], {})[scale] = endpoint
    # Endpoints present at every scale, in the order queries.py lists them.
    names = [
        endpoint["name"]
        for endpoint in counted[scales[0]]["endpoints"]
        if len(endpoints.get(endpoint["name"], {})) == len(scales)
    ]
    ports = {scale: base_port + index for index, scale in enumerate(scales)}
    cookies = {scale: counted[scale]["session_cookie"] for scale in scales}

    def cookie(scale: int, name: str, *, cold: bool = False) -> str:
        parts = [cookies[scale] if endpoints[name][scale]["auth"] else ""]
        return "; ".join(part for part in [*parts, BYPASS_COOKIE if cold else ""] if part)

    def kind_of(name: str) -> str:
        return endpoints[name][scales[0]]["kind"]

    rows = {
        (name, scale): {
            "name": name,
            "kind": kind_of(name),
            "scale": scale,
            "queries": endpoints[name][scale]["queries"],
            "queries_cold": endpoints[name][scale]["queries_cold"],
            "path": endpoints[name][scale]["path"],
        }
        for name in names
        for scale in scales
    }
    cold_names = [name for name in names if kind_of(name) in COLD_KINDS]
    cold_rows = {
        (name, scale): {
            "name": name,
            "kind": COLD_KINDS[kind_of(name)],
            "scale": scale,
            # A visitor the response cache does not serve; cold: with the cache emptied.
            "queries": endpoints[name][scale]["queries_bypass"],
            "queries_cold": endpoints[name][scale]["queries_cold"],
            "path": endpoints[name][scale]["path"],
        }
        for name in cold_names
        for scale in scales
    }
    mixed_rows = []
    servers = {}
    try:
        for scale in scales:
            servers[scale] = Server(
                envs[scale], ports[scale], workers=2, log_path=work_dir / f"gunicorn-{scale}.log"
            )
        log("Latency, one client, the scales in turn.")
        for name in names:
            log(f"  latency: {name}")
            targets = [
                (ports[scale], endpoints[name][scale]["path"], cookie(scale, name))
                for scale in scales
            ]
            results = interleaved_latency(
                targets, seconds * len(scales) / 2, MIN_ROUNDS[kind_of(name)]
            )
            for scale, (p50, p95, size) in zip(scales, results, strict=True):
                rows[name, scale].update(p50_ms=round(p50, 2), p95_ms=round(p95, 2), bytes=size)
        log("Cold renders (a visitor the response cache does not serve), the scales in turn.")
        for name in cold_names:
            log(f"  cold latency: {name}")
            targets = [
                (ports[scale], endpoints[name][scale]["path"], cookie(scale, name, cold=True))
                for scale in scales
            ]
            results = interleaved_latency(targets, seconds * len(scales) / 2, COLD_MIN_ROUNDS)
            for scale, (p50, p95, size) in zip(scales, results, strict=True):
                cold_rows[name, scale].update(
                    p50_ms=round(p50, 2), p95_ms=round(p95, 2), bytes=size
                )
        for scale in scales:
            port = ports[scale]
            bare = [throughput(port, BARE_PATH, "", seconds, connections)]
            for kind in THROUGHPUT_KINDS:
                group = [name for name in names if rows[name, scale]["kind"] == kind]
                for name in group:
                    log(f"  scale {scale}: throughput of {name}")
                    rows[name, scale]["rps"] = round(
                        throughput(
                            port,
                            rows[name, scale]["path"],
                            cookie(scale, name),
                            seconds,
                            connections,
                        ),
                        1,
                    )
                if group:
                    # The ceiling measured right before and right after this group.
                    bare.append(throughput(port, BARE_PATH, "", seconds, connections))
                    bare_rps = (bare[-2] + bare[-1]) / 2
                    for name in group:
                        row = rows[name, scale]
                        row["bare_rps"] = round(bare_rps, 1)
                        row["ratio"] = round(row["rps"] / bare_rps, 3)
            log(f"  scale {scale}: mixed workload, {mixed_seconds:g} s")
            paths = mixed_paths([rows[name, scale] for name in names])
            mixed = mixed_workload(
                port,
                paths,
                counted[scale]["focal_point"],
                mixed_seconds,
                connections,
                work_dir / f"gunicorn-{scale}.log",
            )
            mixed_rows.append(
                {"name": "mixed readers", "kind": "mixed", "scale": scale, "paths": len(paths)}
                | mixed
            )
    finally:
        for server in servers.values():
            server.stop()

    for scale in scales:
        for name in names:
            row = rows[name, scale]
            if row["kind"] == "export":
                log(f"  scale {scale}: memory of a full export")
                growth, size = export_memory(
                    envs[scale],
                    ports[scale],
                    row["path"],
                    work_dir / f"gunicorn-export-{scale}.log",
                )
                row["rss_growth_mb"] = round(growth, 1)
                row["export_mb"] = round(size, 1)
    largest = scales[-1]
    log(f"  scale {largest}: one implementation report (English, PDF)")
    report = {"name": "report en pdf", "kind": "report", "scale": largest}
    report.update(report_timing(envs[largest]))
    return [*rows.values(), *cold_rows.values(), *mixed_rows, report]


def mixed_paths(rows: list[dict]) -> list[str]:
    """The readers' paths: every public page in the three languages, every API list."""
    paths = []
    for row in rows:
        if row["kind"] == "page":
            paths += [re.sub(r"^/en/", f"/{code}/", row["path"]) for code in ("ar", "en", "fr")]
        elif row["kind"] == "api":
            paths.append(row["path"])
    return paths


# -- report -----------------------------------------------------------------------------------

COLUMNS = ["name", "kind", "scale", "queries", "p50_ms", "p95_ms", "rps", "bare_rps", "ratio"]
ORDER = {"page": 0, "page-cold": 1, "api": 2, "api-cold": 3, "mixed": 4, "export": 5, "admin": 6}


def table(rows: list[dict]) -> str:
    """The latency and throughput rows (every kind but the report)."""
    rows = [row for row in rows if row["kind"] in ORDER]

    def cell(row: dict, column: str) -> str:
        value = row.get(column)
        return "-" if value is None else str(value)

    widths = {
        column: max(len(column), *(len(cell(row, column)) for row in rows)) for column in COLUMNS
    }
    lines = [" | ".join(column.ljust(widths[column]) for column in COLUMNS)]
    lines.append("-|-".join("-" * widths[column] for column in COLUMNS))
    for row in rows:
        lines.append(
            " | ".join(
                cell(row, column).ljust(widths[column])
                if column in ("name", "kind")
                else cell(row, column).rjust(widths[column])
                for column in COLUMNS
            )
        )
    return "\n".join(lines)


def cold_limit(base_p95: float) -> float:
    """The largest cold p95 allowed at the largest scale, given the smallest scale's."""
    return min(
        COLD_P95_LIMIT_MS, max(COLD_GROWTH_LIMIT * base_p95, base_p95 + COLD_GROWTH_SLACK_MS)
    )


def check_targets(rows: list[dict], scales: list[int], total_seconds: float) -> list[str]:
    misses = []
    small, large = min(scales), max(scales)
    by_key = {(row["name"], row["kind"], row["scale"]): row for row in rows}
    for row in rows:
        if row["scale"] != large or row["kind"] in ("mixed", "report"):
            continue
        base = by_key.get((row["name"], row["kind"], small))
        if base and small != large:
            if row["queries"] != base["queries"] or row["queries_cold"] != base["queries_cold"]:
                misses.append(
                    f"{row['name']} ({row['kind']}): {base['queries']}/{base['queries_cold']} "
                    f"queries at scale {small}, {row['queries']}/{row['queries_cold']} at scale "
                    f"{large}"
                )
            if row["kind"] in P95_KINDS and row["p95_ms"] > P95_GROWTH_LIMIT * base["p95_ms"]:
                misses.append(
                    f"{row['name']}: p95 {base['p95_ms']} ms at scale {small}, "
                    f"{row['p95_ms']} ms at scale {large} (limit ×{P95_GROWTH_LIMIT})"
                )
            if row["kind"] in COLD_KINDS.values() and row["p95_ms"] > cold_limit(base["p95_ms"]):
                misses.append(
                    f"{row['name']} ({row['kind']}): p95 {base['p95_ms']} ms at scale {small}, "
                    f"{row['p95_ms']} ms at scale {large} (limit {cold_limit(base['p95_ms']):.1f} "
                    f"ms: ≤ {COLD_P95_LIMIT_MS} ms and ≤ ×{COLD_GROWTH_LIMIT} or "
                    f"+{COLD_GROWTH_SLACK_MS} ms)"
                )
        elif row["kind"] in COLD_KINDS.values() and row["p95_ms"] > COLD_P95_LIMIT_MS:
            misses.append(f"{row['name']} ({row['kind']}): p95 {row['p95_ms']} ms")
        if "rss_growth_mb" in row and row["rss_growth_mb"] >= EXPORT_RSS_LIMIT_MB:
            misses.append(f"{row['name']}: worker RSS grew {row['rss_growth_mb']} MB")
    for row in rows:
        target = RATIO_TARGETS.get(row["kind"])
        if target is not None and row["ratio"] < target:
            misses.append(f"{row['name']} at scale {row['scale']}: ratio {row['ratio']} < {target}")
        if row["kind"] == "mixed":
            where = f"mixed workload at scale {row['scale']}"
            if row["ratio"] < MIXED_RATIO_TARGET:
                misses.append(f"{where}: readers' ratio {row['ratio']} < {MIXED_RATIO_TARGET}")
            if row["p95_ms"] > MIXED_P95_LIMIT_MS:
                misses.append(f"{where}: readers' p95 {row['p95_ms']} ms > {MIXED_P95_LIMIT_MS}")
            if row["errors"]:
                misses.append(
                    f"{where}: {row['errors']} errors ({row['reader_errors']} readers', "
                    f"{len(row['write_errors'])} writes', {row['server_tracebacks']} tracebacks"
                    f"{': ' + row['write_errors'][0] if row['write_errors'] else ''})"
                )
        if row["kind"] == "report" and row["seconds"] > REPORT_SECONDS_LIMIT:
            misses.append(
                f"implementation report at scale {row['scale']}: {row['seconds']} s "
                f"(limit {REPORT_SECONDS_LIMIT} s)"
            )
    if total_seconds > TOTAL_SECONDS_LIMIT:
        misses.append(f"make bench took {total_seconds:.0f} s (limit {TOTAL_SECONDS_LIMIT} s)")
    return misses


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), {psutil.virtual_memory().total / 2**30:.1f} GiB RAM"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--seconds", type=float, default=2.0, help="load per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--mixed-seconds", type=float, default=15.0, help="duration of the mixed workload"
    )
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep oic_bench_<scale> if it already holds the demo data (skips generation)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--database-prefix",
        default=os.environ.get("BENCH_DATABASE_PREFIX", "oic_bench"),
        help="the databases are <prefix>_<scale> (default oic_bench, or BENCH_DATABASE_PREFIX)",
    )
    options = parser.parse_args()

    started = time.monotonic()
    global WRK
    WRK = find_wrk()
    server = server_url("BENCH_DATABASE_URL")
    work_dir = Path(tempfile.mkdtemp(prefix="oic-bench-"))
    secret_key = secrets.token_urlsafe(50)
    try:
        envs = {}
        for scale in options.scales:
            envs[scale] = bench_environment(
                f"{server}/{options.database_prefix}_{scale}", work_dir, secret_key
            )
            prepare_database(server, scale, envs[scale], reuse=options.reuse)
        manage(envs[options.scales[0]], "collectstatic", "--no-input", "-v", "0")
        rows = measure(
            envs,
            options.port,
            options.seconds,
            options.connections,
            options.mixed_seconds,
            work_dir,
        )
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    total = time.monotonic() - started

    rows.sort(key=lambda row: (ORDER.get(row["kind"], 9), row["name"], row["scale"]))
    RESULTS.write_text(json.dumps(rows, indent=2) + "\n")
    print(table(rows))
    for row in rows:
        if "rss_growth_mb" in row:
            print(
                f"\nFull CSV export of commitments at scale {row['scale']}: {row['export_mb']} MB "
                f"streamed, worker RSS grew {row['rss_growth_mb']} MB."
            )
        if row["kind"] == "mixed":
            print(
                f"\nMixed workload at scale {row['scale']}: {row['requests']} reads of "
                f"{row['paths']} pages and API lists ({row['ratio']} of the bare view, p95 "
                f"{row['p95_ms']} ms) while {row['writes']} writes were made (p95 "
                f"{row['write_p95_ms']} ms); {row['errors']} errors."
            )
        if row["kind"] == "report":
            print(
                f"\nImplementation report at scale {row['scale']} (English, PDF, {row['pages']} "
                f"pages): {row['seconds']} s (data {row['data_s']} s, PDF {row['pdf_s']} s; "
                f"{row['cpu_s']} s of CPU in the process)."
            )
    print(f"\nMachine: {machine()}. make bench took {total:.0f} s. Results: {RESULTS}")
    misses = check_targets(rows, options.scales, total)
    if misses:
        print("\nTargets missed:")
        for miss in misses:
            print(f"  - {miss}")
    else:
        print("\nEvery target met.")
    return 1 if misses and options.strict else 0


if __name__ == "__main__":
    sys.exit(main())
