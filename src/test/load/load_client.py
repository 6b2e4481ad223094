#!/usr/bin/env python3
"""Load client for Backprop (python3 standard library only); load-test.sh starts the service and runs it.

Talks to one service on the loopback interface, bounded in time (--duration) and in requests (--max-requests).

  load    several clients at once: single-row predictions, batch predictions (JSON and CSV), CSV uploads, model
          definitions, training jobs, one burst that fills the training queue (503 + Retry-After is expected there),
          charts and feature importance; every few seconds it samples the process's resident memory (/proc), the
          JVM heap, direct buffers and ND4J's off-heap memory (/actuator/prometheus). Exit status 1 on any 5xx
          outside that burst, any connection error, or resident memory that keeps growing after the warm-up.
  latency single-row prediction latency, one request at a time, on an idle service and while a training job runs,
          for a dense network (plain JVM forward pass) and one with batch normalisation (DL4J's output()).
"""
import argparse
import csv
import gzip
import io
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "data", "titanic")
FEATURES = ["Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"]
EXCLUDE = ["PassengerId", "Name", "Ticket", "Cabin"]


class Budget:
    """The bounds every client loop obeys: a deadline and a total number of requests."""

    def __init__(self, seconds, max_requests):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.left = max_requests
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def restart_clock(self):
        """The time bound counts from here (after the set-up, whose training time depends on the machine)."""
        self.deadline = time.monotonic() + self.seconds

    def take(self):
        with self.lock:
            if self.stopped.is_set() or time.monotonic() >= self.deadline or self.left <= 0:
                self.stopped.set()
                return False
            self.left -= 1
            return True

    def running(self):
        return not self.stopped.is_set() and time.monotonic() < self.deadline

    def sleep(self, seconds):
        self.stopped.wait(min(seconds, max(0.0, self.deadline - time.monotonic())))


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind = {}       # kind -> {"status": {code: n}, "latencies": [seconds]}
        self.failures = []      # (kind, description)
        self.busy = 0           # expected 503 + Retry-After from the full training queue

    def record(self, kind, status, seconds):
        with self.lock:
            entry = self.by_kind.setdefault(kind, {"status": {}, "latencies": []})
            entry["status"][status] = entry["status"].get(status, 0) + 1
            entry["latencies"].append(seconds)

    def fail(self, kind, description):
        with self.lock:
            if len(self.failures) < 1000:
                self.failures.append((kind, description))


class Api:
    def __init__(self, base, key, stats, budget):
        self.base = base
        self.key = key
        self.stats = stats
        self.budget = budget

    def call(self, kind, method, path, body=None, content_type=None, expect=(200,), busy_ok=False, counted=True):
        """One request; returns (status, headers, body bytes) or None when the budget is spent or it failed."""
        if counted and not self.budget.take():
            return None
        headers = {"X-API-Key": self.key, "X-Request-Id": "load-" + uuid.uuid4().hex[:12]}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, got_headers, payload = response.status, response.headers, response.read()
        except urllib.error.HTTPError as e:
            status, got_headers, payload = e.code, e.headers, e.read()
        except Exception as e:  # connection refused or reset, timeout: always a failure
            self.stats.record(kind, "error", time.perf_counter() - start)
            self.stats.fail(kind, f"{method} {path}: {type(e).__name__}: {e}")
            return None
        elapsed = time.perf_counter() - start
        if counted:
            self.stats.record(kind, status, elapsed)
        if status == 503 and busy_ok and got_headers.get("Retry-After"):
            with self.stats.lock:
                self.stats.busy += 1
        elif status >= 500:
            self.stats.fail(kind, f"{method} {path}: {status} {payload[:300]!r}")
        elif status not in expect:
            self.stats.fail(kind, f"{method} {path}: unexpected {status} {payload[:300]!r}")
        return status, got_headers, payload

    def json(self, kind, method, path, document=None, expect=(200,), busy_ok=False):
        body = None if document is None else json.dumps(document).encode()
        answer = self.call(kind, method, path, body, "application/json" if body else None, expect, busy_ok)
        if answer is None or answer[0] not in expect:
            return None
        return json.loads(answer[2]) if answer[2] else {}

    def upload(self, name, filename, content):
        boundary = "----load" + uuid.uuid4().hex
        parts = []
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n{name}\r\n".encode())
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
                     "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        answer = self.call("upload", "POST", "/api/datasets", b"".join(parts), f"multipart/form-data; boundary={boundary}",
                           expect=(201,))
        return json.loads(answer[2]) if answer and answer[0] == 201 else None


def read_titanic():
    with open(os.path.join(DATA, "train.csv"), newline="") as f:
        train = list(csv.DictReader(f))
    with open(os.path.join(DATA, "test.csv"), newline="") as f:
        test = list(csv.DictReader(f))
    return train, test


def varied_csv(train, rng):
    """A titanic-size CSV unlike the last one: a random subset of rows, jittered ages and fares, sometimes gzipped."""
    rows = rng.sample(train, rng.randint(500, len(train)))
    columns = list(train[0].keys())
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n" if rng.random() < 0.5 else "\n")
    writer.writeheader()
    for row in rows:
        row = dict(row)
        if row["Age"] and rng.random() < 0.3:
            row["Age"] = f"{max(0.5, float(row['Age']) + rng.uniform(-2, 2)):.1f}"
        if row["Fare"] and rng.random() < 0.3:
            row["Fare"] = f"{float(row['Fare']) * rng.uniform(0.9, 1.1):.4f}"
        writer.writerow(row)
    data = out.getvalue().encode()
    if rng.random() < 0.3:
        return "passengers.csv.gz", gzip.compress(data)
    return "passengers.csv", data


def definition(dataset_id, rng, epochs=None, batch_norm=False, units=None):
    units = units or rng.choice([8, 16, 32])
    layers = [{"type": "dense", "units": units, "activation": rng.choice(["relu", "tanh"])}]
    if batch_norm:
        layers.append({"type": "batch_norm"})
    if rng.random() < 0.5:
        layers.append({"type": "dropout", "rate": 0.2})
    return {"name": f"load-{uuid.uuid4().hex[:8]}", "datasetId": dataset_id, "target": "Survived", "exclude": EXCLUDE,
            "layers": layers, "optimizer": {"type": "adam", "learningRate": 0.01}, "batchSize": rng.choice([32, 64]),
            "epochs": epochs or rng.randint(3, 10), "seed": rng.randint(1, 10_000)}


def wait_for_job(api, job_id, budget, timeout=600):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        job = api.json("job-status", "GET", f"/api/training-jobs/{job_id}?history=false")
        if job is None:
            return None
        if job["status"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return job
        time.sleep(0.5)
    return None


def passenger_query(row, rng):
    values = {f: row.get(f, "") for f in FEATURES}
    if rng.random() < 0.1:
        values["Age"] = ""  # missing: imputed
    return urllib.parse.urlencode(values)


# ---------------------------------------------------------------------------------------------------- load clients

def single_row_client(api, budget, models, test, seed, think):
    rng = random.Random(seed)
    while budget.running():
        with models.lock:
            model = rng.choice(models.trained)
        path = f"/api/models/{model}/predict?" + passenger_query(rng.choice(test), rng)
        if api.call("predict-1", "GET", path) is None and not budget.running():
            return
        budget.sleep(think)


def batch_client(api, budget, models, test, seed):
    rng = random.Random(seed)
    header = list(test[0].keys())
    while budget.running():
        with models.lock:
            model = rng.choice(models.trained)
        rows = rng.sample(test, rng.randint(20, len(test)))
        if rng.random() < 0.5:
            document = [{f: r[f] for f in FEATURES} for r in rows]
            api.call("predict-batch", "POST", f"/api/models/{model}/predictions", json.dumps(document).encode(),
                     "application/json")
        else:
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            api.call("predict-batch", "POST", f"/api/models/{model}/predictions", out.getvalue().encode(), "text/csv")
        budget.sleep(0.5)


def upload_client(api, budget, models, train, seed):
    rng = random.Random(seed)
    uploaded = []
    while budget.running():
        filename, content = varied_csv(train, rng)
        dataset = api.upload(f"load-{len(uploaded)}", filename, content)
        if dataset:
            uploaded.append(dataset["id"])
            with models.lock:
                models.datasets.append(dataset["id"])
        # Keep the database from only growing: delete an older upload no model uses. Datasets the training client
        # picked are left alone: the service checks "no model uses it" and "the dataset exists" in separate
        # transactions, so a definition racing a deletion can end with a model on a deleted dataset (see README).
        if len(uploaded) > 6 and budget.running():
            with models.lock:
                unused = [d for d in uploaded if d not in models.in_use]
                old = unused[0] if unused else None
                if old is not None:
                    uploaded.remove(old)
                    models.datasets.remove(old)
            if old is not None:
                api.call("delete-dataset", "DELETE", f"/api/datasets/{old}", expect=(204,))
        budget.sleep(rng.uniform(3, 6))


def training_client(api, budget, models, seed, burst_at, max_queued):
    """Defines small models on uploaded data and trains them one after another; once fills the queue on purpose."""
    rng = random.Random(seed)
    burst_done = False
    while budget.running():
        if not burst_done and time.monotonic() >= burst_at:
            burst_done = True
            queue_full_burst(api, budget, models, rng, max_queued)
            continue
        with models.lock:
            dataset = rng.choice(models.datasets) if models.datasets else models.base_dataset
            models.in_use.add(dataset)
        model = api.json("define", "POST", "/api/models", definition(dataset, rng), expect=(201,))
        if model is None:
            budget.sleep(2)
            continue
        job = api.json("train", "POST", f"/api/models/{model['id']}/training-jobs", expect=(202,), busy_ok=True)
        if job is None:
            budget.sleep(2)
            continue
        done = wait_for_job(api, job["id"], budget)
        if done and done["status"] == "SUCCEEDED":
            with models.lock:
                models.trained.append(model["id"])
                if len(models.trained) > 40:  # more than the 32 cached versions: loads and evictions go on
                    models.trained.pop(len(models.base_models))
                models.jobs.append((job["id"], model["id"], done.get("modelVersion", 1)))
        elif done and done["status"] == "FAILED":
            api.stats.fail("train", f"job {job['id']} failed: {done.get('message') or done}")
        budget.sleep(rng.uniform(1, 3))


def queue_full_burst(api, budget, models, rng, max_queued):
    model = api.json("define", "POST", "/api/models", definition(models.base_dataset, rng, epochs=40), expect=(201,))
    if model is None:
        return
    accepted = []
    for _ in range(max_queued + 4):
        job = api.json("train-burst", "POST", f"/api/models/{model['id']}/training-jobs", expect=(202,), busy_ok=True)
        if job:
            accepted.append(job["id"])
    with api.stats.lock:
        api.stats.burst = {"submitted": max_queued + 4, "accepted": len(accepted)}
    for job_id in accepted:  # 409 when a job already finished
        api.call("cancel", "POST", f"/api/training-jobs/{job_id}/cancel", expect=(200, 202, 409))


def browse_client(api, budget, models, seed):
    """What a person looks at between trainings: lists, versions, charts, feature importance."""
    rng = random.Random(seed)
    while budget.running():
        with models.lock:
            jobs = list(models.jobs)
        choice = rng.random()
        if jobs and choice < 0.3:
            job_id, model_id, version = rng.choice(jobs)
            api.call("browse", "GET", f"/api/training-jobs/{job_id}/charts/loss.{rng.choice(['png', 'svg'])}")
        elif jobs and choice < 0.5:
            job_id, model_id, version = rng.choice(jobs)
            api.call("browse", "GET", f"/api/models/{model_id}/versions/{version}/charts/roc.png")
        elif jobs and choice < 0.6:
            job_id, model_id, version = rng.choice(jobs)
            api.call("importance", "GET", f"/api/models/{model_id}/versions/{version}/importance?repeats=2")
        elif choice < 0.8:
            api.call("browse", "GET", "/api/models?page=0&size=20")
        else:
            api.call("browse", "GET", "/api/datasets?page=0&size=20")
        budget.sleep(rng.uniform(0.5, 1.5))


# ---------------------------------------------------------------------------------------------------- sampling

def prometheus_values(text):
    values = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name_labels, _, value = line.rpartition(" ")
        try:
            values[name_labels] = float(value)
        except ValueError:
            pass
    return values


def sum_matching(values, pattern):
    regex = re.compile(pattern)
    return sum(v for k, v in values.items() if regex.fullmatch(k))


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) * 1024, int(fields["Threads"])


def sampler(api, budget, pid, interval, samples, started):
    while True:
        try:
            rss, threads = proc_status(pid)
        except (FileNotFoundError, ProcessLookupError):
            api.stats.fail("sample", "the service process is gone")
            return
        answer = api.call("metrics", "GET", "/actuator/prometheus", counted=False)
        if answer and answer[0] == 200:
            values = prometheus_values(answer[2].decode())
            samples.append({
                "t": round(time.monotonic() - started, 1), "rss": rss, "threads": threads,
                "heap": sum_matching(values, r'jvm_memory_used_bytes\{.*area="heap".*\}'),
                "heap_committed": sum_matching(values, r'jvm_memory_committed_bytes\{.*area="heap".*\}'),
                "nonheap": sum_matching(values, r'jvm_memory_used_bytes\{.*area="nonheap".*\}'),
                "direct": sum_matching(values, r'jvm_buffer_memory_used_bytes\{.*id="direct".*\}'),
                "nd4j": sum_matching(values, r'backprop_native_memory_bytes\{kind="tracked"\}'),
            })
        if not budget.running():
            return
        budget.sleep(interval)


# ---------------------------------------------------------------------------------------------------- set-up

class Models:
    def __init__(self):
        self.lock = threading.Lock()
        self.trained = []
        self.base_models = []
        self.datasets = []
        self.jobs = []
        self.in_use = set()
        self.base_dataset = None


def train_and_wait(api, budget, document):
    model = api.json("define", "POST", "/api/models", document, expect=(201,))
    if model is None:
        raise SystemExit("could not define a model: " + json.dumps(api.stats.failures[-3:]))
    job = api.json("train", "POST", f"/api/models/{model['id']}/training-jobs", expect=(202,))
    if job is None:
        raise SystemExit("could not start training")
    done = wait_for_job(api, job["id"], budget)
    if not done or done["status"] != "SUCCEEDED":
        raise SystemExit(f"training failed: {done}")
    return model["id"], job["id"], done.get("modelVersion", 1)


def set_up(api, budget, train, rng):
    with open(os.path.join(DATA, "train.csv"), "rb") as f:
        dataset = api.upload("titanic", "train.csv", f.read())
    if not dataset:
        raise SystemExit("upload failed: " + json.dumps(api.stats.failures[-3:]))
    models = Models()
    models.base_dataset = dataset["id"]
    dense = train_and_wait(api, budget, definition(dataset["id"], rng, epochs=5, units=32))
    with_dl4j = train_and_wait(api, budget, definition(dataset["id"], rng, epochs=5, units=32, batch_norm=True))
    for model_id, job_id, version in (dense, with_dl4j):
        models.trained.append(model_id)
        models.base_models.append(model_id)
        models.jobs.append((job_id, model_id, version))
    return models, dense[0], with_dl4j[0]


# ---------------------------------------------------------------------------------------------------- reports

def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def mb(value):
    return f"{value / 2**20:,.0f}"


def memory_report(samples):
    """Mean of each quantity over the 2nd and the last third of the run (the first third is warm-up); the last third's
    minimum shows the heap's floor after collections."""
    n = len(samples)
    if n < 6:
        return None
    second, last = samples[n // 3: 2 * n // 3], samples[2 * n // 3:]
    report = {}
    for key in ("rss", "heap", "heap_committed", "nonheap", "direct", "nd4j", "threads"):
        a = statistics.mean(s[key] for s in second)
        b = statistics.mean(s[key] for s in last)
        report[key] = (samples[0][key], a, b, samples[-1][key], min(s[key] for s in last), max(s[key] for s in samples))
    return report


def print_summary(stats, samples, idle_rss, elapsed, rss_limit):
    print()
    print(f"Requests in {elapsed:.0f} s")
    print(f"{'kind':<15}{'count':>8}{'2xx':>8}{'4xx':>6}{'5xx':>6}{'errors':>7}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    total = 0
    for kind in sorted(stats.by_kind):
        entry = stats.by_kind[kind]
        codes = entry["status"]
        count = sum(codes.values())
        total += count
        ok = sum(v for k, v in codes.items() if isinstance(k, int) and k < 400)
        c4 = sum(v for k, v in codes.items() if isinstance(k, int) and 400 <= k < 500)
        c5 = sum(v for k, v in codes.items() if isinstance(k, int) and k >= 500)
        errors = codes.get("error", 0)
        lat = [x * 1000 for x in entry["latencies"]]
        print(f"{kind:<15}{count:>8}{ok:>8}{c4:>6}{c5:>6}{errors:>7}{percentile(lat, 50):>9.1f}{percentile(lat, 99):>9.1f}"
              f"{max(lat):>9.1f}")
    print(f"{'all':<15}{total:>8}   ({total / elapsed:.1f}/s); queue-full 503 + Retry-After (expected): {stats.busy}"
          + (f", burst {getattr(stats, 'burst')}" if hasattr(stats, "burst") else ""))
    report = memory_report(samples)
    flat = None
    if report:
        print()
        print(f"Memory, MB ({len(samples)} samples; warm-up = first third; idle before load: RSS {mb(idle_rss)})")
        print(f"{'':<25}{'start':>8}{'2nd third':>11}{'last third':>11}{'end':>8}{'min last':>10}{'max':>8}")
        names = {"rss": "resident (VmRSS)", "heap": "JVM heap used", "heap_committed": "JVM heap committed",
                 "nonheap": "JVM non-heap used",
                 "direct": "direct buffers", "nd4j": "ND4J off-heap (JavaCPP)"}
        for key, name in names.items():
            start, a, b, end, low, top = report[key]
            print(f"{name:<25}{mb(start):>8}{mb(a):>11}{mb(b):>11}{mb(end):>8}{mb(low):>10}{mb(top):>8}")
        start, a, b, end, low, top = report["threads"]
        print(f"{'threads':<25}{start:>8.0f}{a:>11.0f}{b:>11.0f}{end:>8.0f}{low:>10.0f}{top:>8.0f}")
        growth = (report["rss"][2] - report["rss"][1]) / report["rss"][1]
        flat = growth < rss_limit
        print(f"RSS growth, 2nd third -> last third: {growth * 100:+.1f}% (limit {rss_limit * 100:.0f}%): "
              + ("flat" if flat else "GROWING"))
    return flat


# ---------------------------------------------------------------------------------------------------- modes

def run_load(args, api, budget, stats):
    rng = random.Random(args.seed)
    train, test = read_titanic()
    idle_rss, _ = proc_status(args.pid)
    models, _, _ = set_up(api, budget, train, rng)
    budget.restart_clock()
    started = time.monotonic()
    samples = []
    sampling = threading.Thread(target=sampler, args=(api, budget, args.pid, args.sample_every, samples, started),
                                daemon=True)
    sampling.start()
    burst_at = started + args.duration * 0.3
    clients = [threading.Thread(target=single_row_client, args=(api, budget, models, test, args.seed + i, args.think),
                                daemon=True) for i in range(args.clients)]
    clients.append(threading.Thread(target=batch_client, args=(api, budget, models, test, args.seed + 100), daemon=True))
    clients.append(threading.Thread(target=upload_client, args=(api, budget, models, train, args.seed + 200), daemon=True))
    clients.append(threading.Thread(target=training_client,
                                    args=(api, budget, models, args.seed + 300, burst_at, args.max_queued), daemon=True))
    clients.append(threading.Thread(target=browse_client, args=(api, budget, models, args.seed + 400), daemon=True))
    for client in clients:
        client.start()
    for client in clients:
        client.join(timeout=max(1.0, budget.deadline - time.monotonic() + 90))
    budget.stopped.set()
    sampling.join(timeout=30)
    elapsed = time.monotonic() - started
    flat = print_summary(stats, samples, idle_rss, elapsed, args.rss_growth_limit)
    if args.samples_file:
        with open(args.samples_file, "w") as f:
            json.dump({"idle_rss": idle_rss, "samples": samples,
                       "requests": {k: {str(c): n for c, n in v["status"].items()} for k, v in stats.by_kind.items()},
                       "failures": stats.failures}, f, indent=1)
    return verdict(stats, flat, args)


def verdict(stats, flat, args):
    print()
    if stats.failures:
        print(f"FAILED: {len(stats.failures)} failed requests, e.g.:")
        for kind, description in stats.failures[:10]:
            print(f"  [{kind}] {description}")
        return 1
    if flat is False and not args.no_memory_verdict:
        print("FAILED: resident memory kept growing after the warm-up")
        return 1
    memory = ("" if flat is None else ", resident memory flat after warm-up" if flat
              else ", resident memory grew after warm-up (not judged: --no-memory-verdict)")
    print("PASSED: no 5xx, no connection errors" + memory)
    return 0


def latency_probe(api, model, rng, test, count):
    latencies = []
    for _ in range(count):
        path = f"/api/models/{model}/predict?" + passenger_query(rng.choice(test), rng)
        start = time.perf_counter()
        answer = api.call("probe", "GET", path)
        if answer is None or answer[0] != 200:
            raise SystemExit(f"prediction failed: {api.stats.failures[-1:]}")
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def run_latency(args, api, budget, stats):
    rng = random.Random(args.seed)
    train, test = read_titanic()
    models, dense, with_dl4j = set_up(api, budget, train, rng)
    for model in (dense, with_dl4j):
        latency_probe(api, model, rng, test, 300)  # warm-up: JIT, model cache
    rows = []
    idle = {m: latency_probe(api, m, rng, test, args.probe_requests) for m in (dense, with_dl4j)}
    # A job that keeps a worker busy for the whole measurement: wide layers, small batches, many epochs.
    long_job = definition(models.base_dataset, rng, epochs=2000, units=256)
    long_job["layers"] = [{"type": "dense", "units": 256, "activation": "relu"},
                          {"type": "dense", "units": 256, "activation": "relu"}]
    long_job["batchSize"] = 16
    model = api.json("define", "POST", "/api/models", long_job, expect=(201,))
    job = api.json("train", "POST", f"/api/models/{model['id']}/training-jobs", expect=(202,))
    while api.json("job-status", "GET", f"/api/training-jobs/{job['id']}?history=false")["status"] != "RUNNING":
        time.sleep(0.2)
    time.sleep(2)
    cpu_before = process_cpu(args.pid)
    wall_before = time.monotonic()
    busy = {m: latency_probe(api, m, rng, test, args.probe_requests) for m in (dense, with_dl4j)}
    cores = (process_cpu(args.pid) - cpu_before) / (time.monotonic() - wall_before)
    status = api.json("job-status", "GET", f"/api/training-jobs/{job['id']}?history=false")
    api.call("cancel", "POST", f"/api/training-jobs/{job['id']}/cancel", expect=(200, 202))
    print()
    print(f"Single-row prediction latency over HTTP, ms ({args.probe_requests} sequential requests each)")
    print(f"{'network':<34}{'state':<24}{'p50':>7}{'p90':>7}{'p99':>7}{'max':>7}")
    for name, model in (("dense (JVM forward pass)", dense), ("batch norm (DL4J output())", with_dl4j)):
        for state, values in (("idle", idle[model]), ("training job running", busy[model])):
            print(f"{name:<34}{state:<24}{percentile(values, 50):>7.2f}{percentile(values, 90):>7.2f}"
                  f"{percentile(values, 99):>7.2f}{max(values):>7.2f}")
    print(f"while training: the job was at epoch {status['epoch']} ({status['status']}); the service process used "
          f"{cores:.2f} cores")
    return 0 if not stats.failures else 1


def process_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["load", "latency"])
    parser.add_argument("--base", required=True, help="e.g. http://127.0.0.1:8080 (loopback only)")
    parser.add_argument("--key", required=True, help="the API key sent as X-API-Key")
    parser.add_argument("--pid", type=int, required=True, help="the service's process id (for /proc)")
    parser.add_argument("--duration", type=float, default=300, help="seconds of load")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
    parser.add_argument("--clients", type=int, default=4, help="concurrent single-row prediction clients")
    parser.add_argument("--think", type=float, default=0.01, help="pause of each single-row client between requests, s")
    parser.add_argument("--max-queued", type=int, default=5, help="the service's backprop.training.max-queued")
    parser.add_argument("--sample-every", type=float, default=5, help="seconds between memory samples")
    parser.add_argument("--rss-growth-limit", type=float, default=0.10)
    parser.add_argument("--no-memory-verdict", action="store_true", help="report memory but do not fail on it")
    parser.add_argument("--probe-requests", type=int, default=2000)
    parser.add_argument("--samples-file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    host = urllib.parse.urlparse(args.base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("the load client only talks to a service on the loopback interface")
    stats = Stats()
    # The set-up (an upload, two short trainings) runs within the budget too, with the clock restarted after it.
    budget = Budget(max(args.duration, 900) if args.mode == "load" else 3600, args.max_requests)
    budget.seconds = args.duration if args.mode == "load" else 3600
    api = Api(args.base.rstrip("/"), args.key, stats, budget)
    sys.exit(run_load(args, api, budget, stats) if args.mode == "load" else run_latency(args, api, budget, stats))


if __name__ == "__main__":
    main()
