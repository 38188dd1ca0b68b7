"""`make bench`: the portal under load at scale 1 (a decade of data) and scale 10, on PostgreSQL.

For each scale: a database of its own (oic_bench_1, oic_bench_10) with the reference data and the
demo data, and gunicorn with 2 sync workers on 127.0.0.1 and production-like settings (one server
per scale, side by side); then for every public page, API list, the CSV export of commitments and
the heaviest admin changelists:

- queries per request, counted in-process (bench/queries.py) with a warm and a cold cache;
- median and p95 latency of one client making requests one after another, to the servers of the
  two scales in turn, so that the machine's pauses fall on both alike;
- requests per second under concurrent load (wrk, or a threaded client if wrk is missing), one
  scale at a time, and the same against /bench/bare/ on the same server, a view with no database
  work: ``ratio = rps / bare_rps`` is what counts on a noisy shared machine, not absolute figures;
- for the export, the peak growth of the worker's resident memory while it streams the whole table.

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
from pathlib import Path

import psutil
import psycopg2

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

# Targets of issue 7.
RATIO_TARGETS = {"page": 0.5, "api": 0.3}
P95_GROWTH_LIMIT = 1.3
# Every page (public pages and the Secretariat's admin changelists) and every API list. The full
# export reads the whole table by definition: its target is constant memory, not latency.
P95_KINDS = ("page", "api", "admin")
EXPORT_RSS_LIMIT_MB = 20
TOTAL_SECONDS_LIMIT = 600


# -- databases --------------------------------------------------------------------------------


def admin_connection(server: str):
    connection = psycopg2.connect(f"{server}/postgres")
    connection.autocommit = True
    return connection


def demo_commitments(server: str, name: str) -> int | None:
    try:
        connection = psycopg2.connect(f"{server}/{name}")
    except psycopg2.OperationalError:
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM resolutions_commitment c JOIN auth_user u "
                "ON u.id = c.created_by_id WHERE u.username = 'demo-data-generator'"
            )
            return cursor.fetchone()[0]
    except psycopg2.Error:
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
    # Planner statistics, as autovacuum would gather them on a live server.
    connection = psycopg2.connect(env["DATABASE_URL"])
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


WRK = shutil.which("wrk")


def throughput(port: int, path: str, cookie: str, seconds: float, connections: int) -> float:
    """Requests per second under ``connections`` concurrent clients for ``seconds``."""
    if WRK:
        command = [WRK, "-t1", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "30s"]
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
    return threaded_throughput(port, path, cookie, seconds, connections)


def threaded_throughput(port: int, path: str, cookie: str, seconds: float, clients: int) -> float:
    done = [0] * clients
    failures = []
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        while time.monotonic() < deadline:
            status, _size = request(port, path, cookie)
            if status != 200:
                failures.append(status)
            done[index] += 1

    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{path}: {len(failures)} error responses under load")
    return sum(done) / (time.monotonic() - started)


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
# scale 10) and has no latency target, so fewer.
MIN_ROUNDS = {"page": 60, "api": 60, "admin": 80, "export": 5}
KINDS = ("page", "api", "export", "admin")


def measure(
    envs: dict[int, dict], base_port: int, seconds: float, connections: int, work_dir: Path
) -> list[dict]:
    """Every endpoint at every scale: latency with one server per scale running side by side,
    then throughput one scale at a time, then the export's memory."""
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

    def cookie(scale: int, name: str) -> str:
        return cookies[scale] if endpoints[name][scale]["auth"] else ""

    rows = {
        (name, scale): {
            "name": name,
            "kind": endpoints[name][scale]["kind"],
            "scale": scale,
            "queries": endpoints[name][scale]["queries"],
            "queries_cold": endpoints[name][scale]["queries_cold"],
            "path": endpoints[name][scale]["path"],
        }
        for name in names
        for scale in scales
    }
    servers = {}
    try:
        for scale in scales:
            servers[scale] = Server(
                envs[scale], ports[scale], workers=2, log_path=work_dir / f"gunicorn-{scale}.log"
            )
        log("Latency, one client, the scales in turn.")
        for name in names:
            kind = endpoints[name][scales[0]]["kind"]
            log(f"  latency: {name}")
            targets = [
                (ports[scale], endpoints[name][scale]["path"], cookie(scale, name))
                for scale in scales
            ]
            results = interleaved_latency(targets, seconds * len(scales) / 2, MIN_ROUNDS[kind])
            for scale, (p50, p95, size) in zip(scales, results, strict=True):
                rows[name, scale].update(p50_ms=round(p50, 2), p95_ms=round(p95, 2), bytes=size)
        for scale in scales:
            port = ports[scale]
            bare = [throughput(port, BARE_PATH, "", seconds, connections)]
            for kind in KINDS:
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
    return list(rows.values())


# -- report -----------------------------------------------------------------------------------

COLUMNS = ["name", "kind", "scale", "queries", "p50_ms", "p95_ms", "rps", "bare_rps", "ratio"]


def table(rows: list[dict]) -> str:
    widths = {
        column: max(len(column), *(len(str(row[column])) for row in rows)) for column in COLUMNS
    }
    lines = [" | ".join(column.ljust(widths[column]) for column in COLUMNS)]
    lines.append("-|-".join("-" * widths[column] for column in COLUMNS))
    for row in rows:
        lines.append(
            " | ".join(
                str(row[column]).ljust(widths[column])
                if column in ("name", "kind")
                else str(row[column]).rjust(widths[column])
                for column in COLUMNS
            )
        )
    return "\n".join(lines)


def check_targets(rows: list[dict], scales: list[int], total_seconds: float) -> list[str]:
    misses = []
    small, large = min(scales), max(scales)
    by_key = {(row["name"], row["scale"]): row for row in rows}
    for row in rows:
        if row["scale"] != large:
            continue
        base = by_key.get((row["name"], small))
        if base and small != large:
            if row["queries"] != base["queries"] or row["queries_cold"] != base["queries_cold"]:
                misses.append(
                    f"{row['name']}: {base['queries']}/{base['queries_cold']} queries (warm/cold)"
                    f" at scale {small}, {row['queries']}/{row['queries_cold']} at scale {large}"
                )
            if row["kind"] in P95_KINDS and row["p95_ms"] > P95_GROWTH_LIMIT * base["p95_ms"]:
                misses.append(
                    f"{row['name']}: p95 {base['p95_ms']} ms at scale {small}, "
                    f"{row['p95_ms']} ms at scale {large} (limit ×{P95_GROWTH_LIMIT})"
                )
        if "rss_growth_mb" in row and row["rss_growth_mb"] >= EXPORT_RSS_LIMIT_MB:
            misses.append(f"{row['name']}: worker RSS grew {row['rss_growth_mb']} MB")
    for row in rows:
        target = RATIO_TARGETS.get(row["kind"])
        if target is not None and row["ratio"] < target:
            misses.append(f"{row['name']} at scale {row['scale']}: ratio {row['ratio']} < {target}")
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
        rows = measure(envs, options.port, options.seconds, options.connections, work_dir)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    total = time.monotonic() - started

    order = {"page": 0, "api": 1, "export": 2, "admin": 3}
    rows.sort(key=lambda row: (order[row["kind"]], row["name"], row["scale"]))
    RESULTS.write_text(json.dumps(rows, indent=2) + "\n")
    print(table(rows))
    for row in rows:
        if "rss_growth_mb" in row:
            print(
                f"\nFull CSV export of commitments at scale {row['scale']}: {row['export_mb']} MB "
                f"streamed, worker RSS grew {row['rss_growth_mb']} MB."
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
