#!/usr/bin/env python3
"""GET /v1/incidents with many cases stored: starts a silo (SQLite by default, fresh data directory, no rate limits),
opens N cases through POST /v1/incidents, then times pages of the listing: the first page, a page from the middle
(cursor of page k), and a full walk through every case with limit=1000.

    bench/list-paging.py                 # 100,000 cases, SQLite
    CASES=20000 PROVIDER=memory bench/list-paging.py

Environment: CASES (100000), PROVIDER (sqlite|memory), CLIENTS (16 parallel creators), ROUNDS (20 timings per page
kind), KEEP=1 keeps the work directory. Needs the silo built: dotnet build src/Dispatch.Silo -c Release.
"""
import http.client, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

CASES = int(os.environ.get("CASES", "100000"))
PROVIDER = os.environ.get("PROVIDER", "sqlite")
CLIENTS = int(os.environ.get("CLIENTS", "16"))
ROUNDS = int(os.environ.get("ROUNDS", "20"))
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
silo_dll = os.path.join(root, "src/Dispatch.Silo/bin/Release/net10.0/Dispatch.Silo.dll")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


work = tempfile.mkdtemp(prefix="list-paging-")
port = free_port()
env = dict(os.environ, Dispatch__DataDir=os.path.join(work, "data"), Dispatch__Storage__Provider=PROVIDER,
           Dispatch__RateLimits__Enabled="false", Dispatch__Orleans__SiloPort=str(free_port()),
           Dispatch__Orleans__GatewayPort=str(free_port()), DOTNET_ENVIRONMENT="Production", ASPNETCORE_ENVIRONMENT="Production")
log = open(os.path.join(work, "silo.log"), "w")
silo = subprocess.Popen(["dotnet", silo_dll, "--urls", f"http://127.0.0.1:{port}"], cwd=os.path.dirname(silo_dll), env=env, stdout=log, stderr=log)
try:
    deadline = time.time() + 180
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/health/ready")
            if c.getresponse().status == 200 and os.path.exists(os.path.join(work, "data", "admin.key")):
                break
        except OSError:
            pass
        if time.time() > deadline:
            sys.exit(f"silo did not come up; see {work}")
        time.sleep(0.5)
    key = open(os.path.join(work, "data", "admin.key")).read().strip()
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def create(worker):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for n in range(worker, CASES, CLIENTS):
            body = {"id": f"bench-{n:07d}", "location": {"lat": 39.90 + (n % 97) * 0.001, "lon": 116.40 + (n % 89) * 0.001},
                    "fault": "breakdown", "vehicle": {"powertrain": "ice"}, "priority": "p2"}
            c.request("POST", "/v1/incidents", json.dumps(body), headers)
            r = c.getresponse()
            r.read()
            if r.status != 201:
                sys.exit(f"create {n}: {r.status}")

    started = time.time()
    threads = [threading.Thread(target=create, args=(w,)) for w in range(CLIENTS)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    created_s = time.time() - started
    print(f"opened {CASES} cases in {created_s:.0f} s ({CASES / created_s:.0f}/s), provider {PROVIDER}")

    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

    def get(path):
        t0 = time.perf_counter()
        c.request("GET", path, headers=headers)
        r = c.getresponse()
        data = r.read()
        ms = (time.perf_counter() - t0) * 1000
        if r.status != 200:
            sys.exit(f"GET {path}: {r.status} {data[:300]!r}")
        return ms, json.loads(data)

    def timings(path):
        get(path)  # warm
        ms = sorted(get(path)[0] for _ in range(ROUNDS))
        return statistics.median(ms), ms[int(len(ms) * 0.95) - 1], ms[-1]

    # A cursor from the middle: walk half the pages of 1000 once, then time pages from there.
    seen, cursor, walk_ms, pages = set(), None, 0.0, 0
    middle = None
    while True:
        ms, page = get("/v1/incidents?status=open&limit=1000" + (f"&cursor={cursor}" if cursor else ""))
        walk_ms += ms
        pages += 1
        for item in page["items"]:
            if item["id"] in seen:
                sys.exit(f"{item['id']} listed twice")
            seen.add(item["id"])
        cursor = page["nextCursor"]
        if pages == max(1, CASES // 2000):
            middle = cursor
        if cursor is None:
            break
    if len(seen) != CASES:
        sys.exit(f"walked {len(seen)} of {CASES} cases")
    print(f"full walk, limit=1000: {pages} pages, {len(seen)} cases, each once, {walk_ms / 1000:.1f} s ({walk_ms / pages:.0f} ms a page)")
    for name, path in [("first page, limit=100 (default)", "/v1/incidents"),
                       ("first page, status=open, limit=100", "/v1/incidents?status=open"),
                       ("middle page, limit=100", f"/v1/incidents?limit=100&cursor={middle}"),
                       ("first page, limit=1000", "/v1/incidents?limit=1000"),
                       ("status=dispatched (filtered to none), limit=100", "/v1/incidents?status=dispatched")]:
        p50, p95, worst = timings(path)
        print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.1f} ms ({ROUNDS} requests)")
finally:
    silo.terminate()
    try:
        silo.wait(30)
    except subprocess.TimeoutExpired:
        silo.kill()
    log.close()
    if os.environ.get("KEEP") == "1":
        print(f"work directory kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
