#!/usr/bin/env python3
"""Checks behind scripts/ci-replicas.sh: writes to several registry replicas, reads the change feed and
compares insights with the registry. Standard library only. Each subcommand prints what it measured and
exits non-zero when the check fails.

    replicas_check.py wake URL_POLL URL_WRITE [--rounds 5] [--max-median-ms 150]
    replicas_check.py concurrent URL_A URL_B --db NAME [--seconds 8]
    replicas_check.py load URL[,URL...] --stop FILE [--tag T]
    replicas_check.py compare URL_REGISTRY URL_INSIGHTS[,URL...] --db NAME [--timeout 90]
"""
import argparse
import base64
import csv
import io
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

PREFIXES = [("Beijing", "CN-BJ"), ("Shanghai", "CN-SH"), ("Guangdong", "CN-GD"), ("Zhejiang", "CN-ZJ")]
CATEGORIES = ["TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "MULTIMODAL"]
ORGS = ["副本测试甲科技有限公司", "副本测试乙科技有限公司", "副本测试丙信息技术有限公司"]
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def call(method, url, body=None, headers=None, timeout=60):
    """One HTTP call: (status, parsed JSON body or text)."""
    data = None
    headers = dict(headers or {})
    if body is not None:
        if isinstance(body, (bytes, bytearray)):
            data = bytes(body)
        else:
            data = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, ctype = response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        status, raw, ctype = e.code, e.read(), e.headers.get("Content-Type", "")
    if "json" in ctype and raw and "ndjson" not in ctype:
        return status, json.loads(raw)
    return status, raw.decode("utf-8", "replace")


def word(n):
    """A letters-only name part for n (filing numbers take letters and digits)."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = LETTERS[r] + out
    return out.capitalize()


def new_filing(tag, n, rnd):
    prefix, _ = PREFIXES[n % len(PREFIXES)]
    cats = rnd.sample(CATEGORIES, rnd.choice([1, 1, 2]))
    return {"kind": "FILING" if n % 3 else "REGISTRATION", "name": f"副本{tag}{n}号模型",
            "organizationName": ORGS[n % len(ORGS)], "filingNumber": f"{prefix}-{tag}{word(n)}-20240105",
            "filingDate": "2024-01-20", "categories": cats}


def decode(cursor):
    txid, seq = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split(":")
    return int(txid), int(seq)


def feed_end(url):
    after = ""
    while True:
        status, batch = call("GET", f"{url}/api/v1/changes?limit=1000&after={after}")
        assert status == 200, (status, batch)
        if batch["nextCursor"] == after or not batch["events"]:
            return batch["nextCursor"] or after
        after = batch["nextCursor"]


def psql(db, sql):
    env = dict(os.environ, PGPASSWORD="beian")
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", "5432", "-U", "beian", "-d", db, "-qAt", "-c", sql],
                         env=env, check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


class Writer(threading.Thread):
    """Creates filings on its registry, and changes and deletes some of them; records what it did."""

    def __init__(self, url, tag, stop, seed):
        super().__init__(daemon=True)
        self.url, self.tag, self.stop, self.rnd = url, tag, stop, random.Random(seed)
        self.created, self.ops, self.errors, self.ids = 0, 0, [], []

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            status, body = call("POST", f"{self.url}/api/v1/filings", new_filing(self.tag, n, self.rnd))
            self.ops += 1
            if status != 201:
                self.errors.append(f"create {status}: {str(body)[:200]}")
                continue
            self.created += 1
            self.ids.append(body["id"])
            if n % 3 == 0:
                target = self.rnd.choice(self.ids)
                patch = self.rnd.choice([{"categories": self.rnd.sample(CATEGORIES, 2)},
                                         {"status": "SUSPENDED", "statusDate": "2024-06-01"}, {"jurisdiction": "CN-SH"}])
                status, body = call("PATCH", f"{self.url}/api/v1/filings/{target}", patch,
                                    {"Content-Type": "application/merge-patch+json"})
                self.ops += 1
                if status not in (200, 409, 412, 400):
                    self.errors.append(f"patch {status}: {str(body)[:200]}")
            if n % 7 == 0:
                target = self.ids.pop(self.rnd.randrange(len(self.ids)))
                status, body = call("DELETE", f"{self.url}/api/v1/filings/{target}")
                self.ops += 1
                if status not in (204, 404):
                    self.errors.append(f"delete {status}: {str(body)[:200]}")


def cmd_wake(args):
    """Long-polls on one replica, writes on the other: how long until the poll answers with the write."""
    latencies, stalled = [], 0
    for r in range(args.rounds + 3):
        if len(latencies) == args.rounds:
            break
        after = feed_end(args.poll)
        result = {}

        def poll():
            result["answer"] = call("GET", f"{args.poll}/api/v1/changes?limit=1000&wait=20&after={after}")
            result["at"] = time.monotonic()

        t = threading.Thread(target=poll)
        t.start()
        time.sleep(0.7)  # the poll is waiting by now
        if "at" in result:
            print(f"  round {r}: the poll answered before the write: {str(result['answer'])[:200]}")
            return 1
        filing = new_filing("Wake" + word(int(time.time() * 1000) % 100000), r, random.Random(r))
        status, body = call("POST", f"{args.write}/api/v1/filings", filing)
        acknowledged = time.monotonic()
        t.join(25)
        if status != 201 or "at" not in result:
            print(f"  round {r}: write {status} {str(body)[:200]}; poll answered: {'at' in result}")
            return 1
        events = result["answer"][1]["events"]
        if not events and stalled < 3:
            # The feed hands out an event once no older transaction anywhere on the server runs; on a shared
            # server another database's long transaction can hold it back beyond the poll's wait. Try again.
            stalled += 1
            print(f"  round {r}: the feed was held back for the whole wait (a long transaction on the server?)")
            continue
        if not any(e["entityId"] == body["id"] for e in events):
            print(f"  round {r}: the poll answered without the write: {str(events)[:300]}")
            return 1
        # Negative when the poll answered before the write's own answer arrived (it commits before answering).
        latencies.append((result["at"] - acknowledged) * 1000)
    median = statistics.median(latencies)
    print(f"  long-poll on {args.poll} woken by writes on {args.write}: answered a median {median:.0f} ms "
          f"(max {max(latencies):.0f} ms) after the write's 201, over {len(latencies)} writes")
    return 0 if median <= args.max_median_ms else 1


def cmd_concurrent(args):
    """Writers and imports on both replicas at once, a reader paging the feed from both in turns meanwhile."""
    stop = threading.Event()
    writers = [Writer(args.a, "ConA", stop, 1), Writer(args.b, "ConB", stop, 2),
               Writer(args.a, "ConC", stop, 3), Writer(args.b, "ConD", stop, 4)]
    seen, order, problems = set(), [], []
    reader_done = threading.Event()

    def read():
        after, urls, turn = "", [args.a, args.b], 0
        while True:
            url = urls[turn % 2]
            turn += 1
            status, batch = call("GET", f"{url}/api/v1/changes?limit=200&wait=1&after={after}")
            if status != 200:
                problems.append(f"feed {status}: {str(batch)[:200]}")
                time.sleep(0.2)
                continue
            for e in batch["events"]:
                key = decode(e["cursor"])
                if key in seen:
                    problems.append(f"duplicate event {key}")
                if order and key <= order[-1]:
                    problems.append(f"out of order: {key} after {order[-1]}")
                seen.add(key)
                order.append(key)
            after = batch["nextCursor"]
            if reader_done.is_set() and not batch["events"] and (len(seen) >= expected[0] or time.monotonic() > expected[1]):
                return

    def imports(url, start, count):
        gen = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "..", "bench", "generate_filings.py"),
                              "--count", str(count), "--start", str(start), "--seed", str(start)],
                             check=True, capture_output=True).stdout
        status, report = call("POST", f"{url}/api/v1/filings/import?batch=replicas-{start}", gen,
                              {"Content-Type": "text/csv"}, timeout=300)
        results.append((url, status, report if status != 200 else {k: report.get(k) for k in ("created", "updated", "rejected")}))

    results = []
    expected = [0, 0.0]  # events the outbox holds once writing stopped, and until when to wait for them
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    for w in writers:
        w.start()
    importers = [threading.Thread(target=imports, args=(args.a, 900001, 400)),
                 threading.Thread(target=imports, args=(args.b, 950001, 400))]
    time.sleep(1)
    for t in importers:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    for t in importers + writers:
        t.join(300)
    expected[:] = [int(psql(args.db, "SELECT count(*) FROM change_event")[0]), time.monotonic() + 90]
    reader_done.set()
    reader.join(120)
    errors = [e for w in writers for e in w.errors]
    stored = {tuple(map(int, row.split("|"))) for row in psql(args.db, "SELECT txid, seq FROM change_event")}
    ops = sum(w.ops for w in writers)
    print(f"  {ops} writes by 4 clients on 2 replicas and 2 imports of 400 rows {[r[1:] for r in results]}; "
          f"the feed, read from both replicas in turns while they wrote, handed out {len(order)} events, "
          f"the outbox holds {len(stored)}")
    ok = True
    if errors:
        print("  write errors:", errors[:5])
        ok = False
    if any(r[1] != 200 for r in results):
        print("  import failed:", results)
        ok = False
    if problems:
        print("  feed problems:", problems[:5], f"({len(problems)} in all)")
        ok = False
    if seen != stored:
        print(f"  missing from the feed: {sorted(stored - seen)[:5]} ({len(stored - seen)}); "
              f"not in the outbox: {sorted(seen - stored)[:5]}")
        ok = False
    # Both replicas hand out the same feed from the start.
    for url in (args.a, args.b):
        after, keys = "", []
        while True:
            _, batch = call("GET", f"{url}/api/v1/changes?limit=1000&after={after}")
            keys += [decode(e["cursor"]) for e in batch["events"]]
            if not batch["events"]:
                break
            after = batch["nextCursor"]
        if keys != sorted(stored):
            print(f"  the feed read afresh from {url} differs from the outbox ({len(keys)} vs {len(stored)})")
            ok = False
    return 0 if ok else 1


def cmd_load(args):
    """Writes until the stop file appears; then prints what was written."""
    stop = threading.Event()
    urls = args.urls.split(",")
    writers = [Writer(url, f"{args.tag}{word(i)}", stop, 100 + i) for i, url in enumerate(urls)]
    for w in writers:
        w.start()
    while not os.path.exists(args.stop):
        with open(args.stop + ".count", "w") as progress:  # how many writes so far, for the script to wait on
            progress.write(str(sum(w.ops for w in writers)))
        time.sleep(0.1)
    stop.set()
    for w in writers:
        w.join(60)
    errors = [e for w in writers for e in w.errors]
    print(f"  load: {sum(w.ops for w in writers)} writes ({sum(w.created for w in writers)} creates) on "
          f"{len(urls)} registry replicas; {len(errors)} failed {errors[:3]}")
    return 0 if not errors else 1


def registry_counts(url):
    status, text = call("GET", f"{url}/api/v1/filings", headers={"Accept": "application/x-ndjson"}, timeout=120)
    assert status == 200, status
    counts = {"total": 0, "kind": {}, "status": {}, "category": {}, "jurisdiction": {}}
    for line in text.splitlines():
        if not line.strip():
            continue
        f = json.loads(line)
        counts["total"] += 1
        for dim, value in (("kind", f.get("kind")), ("status", f.get("status")), ("jurisdiction", f.get("jurisdiction"))):
            if value is not None:
                counts[dim][value] = counts[dim].get(value, 0) + 1
        for c in f.get("categories") or []:
            counts["category"][c] = counts["category"].get(c, 0) + 1
    return counts


def insights_counts(url):
    _, summary = call("GET", f"{url}/api/v1/insights/summary")
    _, cats = call("GET", f"{url}/api/v1/insights/categories")
    _, regions = call("GET", f"{url}/api/v1/insights/regions")
    return {"total": summary["total"],
            "kind": {k["kind"]: k["count"] for k in summary["byKind"] if k["count"]},
            "status": {s: n for s, n in summary["byStatus"].items() if n},
            "category": {c["category"]: c["count"] for c in cats["categories"] if c["count"]},
            "jurisdiction": {j["code"]: j["count"] for j in regions["jurisdictions"] if j["count"]}}, summary["watermark"]


def cmd_compare(args):
    """Waits until every insights replica's numbers equal the registry's; prints the difference otherwise."""
    deadline = time.monotonic() + args.timeout
    urls = args.insights.split(",")
    while True:
        # The registry is read again each round: a write of the stopped load that was still in flight when the
        # check began (an update changes no count, only the number of events) must not count as a difference.
        expected = registry_counts(args.registry)
        events = int(psql(args.db, "SELECT count(*) FROM change_event")[0])
        differences = []
        for url in urls:
            try:
                got, watermark = insights_counts(url)
                _, ready = call("GET", f"{url}/q/health/ready")
                applied = next(c["data"]["eventsApplied"] for c in ready["checks"] if c["name"] == "change-feed-follower")
            except Exception as e:  # noqa: BLE001 - a replica not answering is a difference too
                differences.append(f"{url}: {e}")
                continue
            if got != expected:
                differences.append(f"{url}: " + "; ".join(f"{k} {got[k]} != registry {expected[k]}"
                                                          for k in expected if got[k] != expected[k])[:600])
            if applied != events:
                differences.append(f"{url}: applied {applied} events, the registry's feed holds {events}")
        if not differences:
            print(f"  every insights replica equals the registry: {expected['total']} filings, by kind {expected['kind']}, "
                  f"status {expected['status']}, {len(expected['category'])} categories, "
                  f"{len(expected['jurisdiction'])} jurisdictions; {events} events applied exactly once")
            return 0
        if time.monotonic() > deadline:
            print("  differences:", *differences, sep="\n    ")
            return 1
        time.sleep(1)
        expected = registry_counts(args.registry)
        events = int(psql(args.db, "SELECT count(*) FROM change_event")[0])


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("wake")
    p.add_argument("poll")
    p.add_argument("write")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--max-median-ms", type=float, default=150)
    p = sub.add_parser("concurrent")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--db", required=True)
    p.add_argument("--seconds", type=float, default=8)
    p = sub.add_parser("load")
    p.add_argument("urls")
    p.add_argument("--stop", required=True)
    p.add_argument("--tag", default="Load")
    p = sub.add_parser("compare")
    p.add_argument("registry")
    p.add_argument("insights")
    p.add_argument("--db", required=True)
    p.add_argument("--timeout", type=float, default=90)
    args = parser.parse_args()
    return {"wake": cmd_wake, "concurrent": cmd_concurrent, "load": cmd_load, "compare": cmd_compare}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
