#!/usr/bin/env python3
"""Crash test: SIGKILL the packaged service at several points while uploads, training jobs and predictions run,
restart it on the same database, and check that nothing acknowledged was lost and nothing half-written shows.

Standard library only. Run through crash-test.sh (which builds nothing and cleans up after itself).

Checks after every restart:
  * every acknowledged upload (201) is listed, with the sha-256, row count and first rows of what was sent;
  * every listed dataset is one whose upload was attempted, and its content is readable (no half-written rows);
    an upload cut off mid-stream never shows;
  * every version seen completed predicts exactly the probabilities it gave before the crash;
  * every listed version belongs to a SUCCEEDED job that names it (no version without a finished job);
  * every acknowledged job ends SUCCEEDED (interrupted ones re-queued, resumed from their checkpoint) or FAILED with
    a reason; a job resumed after epoch k kept the history it had up to k, and every job of the reference model
    (same seed, same data) ends with exactly the reference history, resumed or not.
Exits 1 on any violation, 2 when the service could not be run at all.
"""
import argparse
import csv
import hashlib
import io
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ROWS = [
    {"Pclass": 1, "Sex": "female", "Age": 29, "SibSp": 0, "Parch": 0, "Fare": 80, "Embarked": "S"},
    {"Pclass": 3, "Sex": "male", "Age": 25, "SibSp": 0, "Parch": 0, "Fare": 7.9, "Embarked": "S"},
    {"Pclass": 2, "Sex": "male", "Age": "", "SibSp": 1, "Parch": 2, "Fare": 30, "Embarked": ""},
]
EXCLUDE = ["PassengerId", "Name", "Ticket", "Cabin"]


def log(message):
    print(f"[crash-test {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Server:
    """The packaged jar on a free port, with the default H2 database under ./data of a directory that outlives it."""

    def __init__(self, java, jar, workdir, key, extra_args):
        self.java, self.jar, self.workdir, self.key, self.extra_args = java, jar, workdir, key, extra_args
        self.process = None
        self.port = None
        self.starts = 0

    def start(self, timeout):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.starts += 1
        out = open(os.path.join(self.workdir, f"server-{self.starts}.log"), "wb")
        env = dict(os.environ, OMP_NUM_THREADS="1", OMP_WAIT_POLICY="PASSIVE")
        command = [self.java, "-Xmx1g", "-jar", self.jar, f"--server.port={self.port}",
                   "--server.address=127.0.0.1",
                   f"--backprop.security.bootstrap-admin-key={self.key}",
                   "--backprop.training.poll-interval=200ms", "--backprop.training.heartbeat-interval=1s",
                   "--backprop.training.stale-after=3s", "--backprop.training.checkpoint-min-interval=200ms",
                   "--backprop.training.max-attempts=10"] + self.extra_args
        self.process = subprocess.Popen(command, cwd=self.workdir, stdout=out, stderr=subprocess.STDOUT, env=env,
                                        start_new_session=True)
        with open(os.path.join(self.workdir, "server.pid"), "w") as pid:
            pid.write(str(self.process.pid))
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the service exited with {self.process.returncode}; see server-{self.starts}.log")
            try:
                status, body = Api(self).get("/actuator/health", timeout=2)
                if status == 200 and json.loads(body).get("status") == "UP":
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the service did not come up within {timeout}s; see server-{self.starts}.log")

    def kill(self):
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait()


class Api:
    def __init__(self, server):
        self.base = f"http://127.0.0.1:{server.port}"
        self.key = server.key

    def request(self, method, path, body=None, content_type=None, timeout=20):
        request = urllib.request.Request(self.base + path, data=body, method=method)
        request.add_header("X-API-Key", self.key)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def get(self, path, timeout=20):
        return self.request("GET", path, timeout=timeout)

    def post_json(self, path, document):
        return self.request("POST", path, json.dumps(document).encode(), "application/json")

    def json(self, path):
        status, body = self.get(path)
        if status != 200:
            raise AssertionError(f"GET {path} answered {status}: {body[:300]}")
        return json.loads(body)


def multipart(filename, content):
    boundary = "crash" + secrets.token_hex(8)
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class Truth:
    """What the client was told (acknowledged) or saw completed: the yardstick after every restart."""

    def __init__(self):
        self.lock = threading.Lock()
        self.attempted_shas = set()
        self.acked = {}            # dataset id -> (sha, rows as parsed)
        self.cut_off_shas = set()  # uploads killed mid-stream
        self.jobs = {}             # job id -> model id (acknowledged submissions)
        self.predictions = {}      # (model id, version) -> probabilities
        self.resumed = 0
        self.restarted = 0
        self.violations = []

    def violation(self, message):
        with self.lock:
            self.violations.append(message)
        log("VIOLATION: " + message)


class Workload:
    """Uploads, training submissions and predictions in background threads until stopped (or the service dies)."""

    def __init__(self, api, truth, titanic_lines, models, rng):
        self.api, self.truth, self.lines, self.models, self.rng = api, truth, titanic_lines, models, rng
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.uploads, daemon=True),
                        threading.Thread(target=self.predictions, daemon=True)]
        self.upload_count = 0
        self.prediction_count = 0

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=25)

    def uploads(self):
        while not self.stop.is_set():
            start = self.rng.randrange(1, len(self.lines) - 60)
            content = ("".join([self.lines[0]] + self.lines[start:start + self.rng.randrange(20, 60)])
                       + f"\n").encode()
            try:
                upload(self.api, self.truth, content)
                self.upload_count += 1
            except OSError:
                time.sleep(0.2)

    def predictions(self):
        while not self.stop.is_set():
            with self.truth.lock:
                known = list(self.truth.predictions.items())
            if not known:
                time.sleep(0.1)
                continue
            (model, version), expected = self.rng.choice(known)
            try:
                got = probabilities(self.api, model, version)
                self.prediction_count += 1
                if got != expected:
                    self.truth.violation(f"model {model} v{version} predicted {got}, before {expected}")
            except (OSError, AssertionError):
                time.sleep(0.2)


def upload(api, truth, content):
    sha = hashlib.sha256(content).hexdigest()
    with truth.lock:
        truth.attempted_shas.add(sha)
    body, content_type = multipart("part.csv", content)
    status, answer = api.request("POST", "/api/datasets?name=crash", body, content_type, timeout=30)
    if status == 201:
        document = json.loads(answer)
        rows = list(csv.DictReader(io.StringIO(content.decode())))
        with truth.lock:
            truth.acked[document["id"]] = (sha, rows)
        return document["id"]
    raise AssertionError(f"upload answered {status}: {answer[:300]}")


def cut_off_upload(server, truth, content, fraction, sent_enough):
    """Streams a multipart upload slowly; signals once {fraction} is sent and keeps going until the kill."""
    sha = hashlib.sha256(content).hexdigest()
    with truth.lock:
        truth.cut_off_shas.add(sha)
    body, content_type = multipart("cut.csv", content)
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as connection:
            connection.sendall((f"POST /api/datasets?name=cut HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: {server.key}\r\n"
                                f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode())
            step = max(1, len(body) // 200)
            for offset in range(0, len(body) - step, step):
                connection.sendall(body[offset:offset + step])
                if offset >= fraction * len(body):
                    sent_enough.set()
                time.sleep(0.02)
    except OSError:
        pass
    finally:
        sent_enough.set()


def probabilities(api, model, version):
    status, body = api.post_json(f"/api/models/{model}/predictions?version={version}", ROWS)
    if status != 200:
        raise AssertionError(f"predictions of model {model} v{version} answered {status}: {body[:300]}")
    return [row["probability"] for row in json.loads(body)["rows"]]


def submit(api, truth, model):
    status, body = api.post_json(f"/api/models/{model}/training-jobs", {})
    if status not in (201, 202):
        raise AssertionError(f"training submission answered {status}: {body[:300]}")
    job = json.loads(body)["id"]
    with truth.lock:
        truth.jobs[job] = model
    return job


def await_job(api, job, timeout, condition=lambda j: j["status"] in ("SUCCEEDED", "FAILED", "CANCELLED")):
    deadline = time.time() + timeout
    while True:
        document = api.json(f"/api/training-jobs/{job}")
        if condition(document):
            return document
        if time.time() > deadline:
            return None
        time.sleep(0.1)


def remember_version(api, truth, job):
    document = api.json(f"/api/training-jobs/{job}")
    if document["status"] == "SUCCEEDED":
        key = (document["modelId"], document["modelVersion"])
        with truth.lock:
            known = key in truth.predictions
        if not known:
            truth.predictions[key] = probabilities(api, *key)


def verify(api, truth, reference, label):
    """Every invariant that must hold on a freshly restarted service."""
    before = len(truth.violations)
    listed = {}
    page = 0
    while True:
        document = api.json(f"/api/datasets?page={page}&size=100")
        for dataset in document["content"]:
            listed[dataset["id"]] = dataset
        page += 1
        if page >= document["totalPages"]:
            break
    with truth.lock:
        acked = dict(truth.acked)
        attempted = set(truth.attempted_shas)
        cut_off = set(truth.cut_off_shas)
    for dataset_id, (sha, rows) in acked.items():
        dataset = listed.get(dataset_id)
        if dataset is None:
            truth.violation(f"{label}: acknowledged dataset {dataset_id} is gone")
            continue
        if dataset["sha256"] != sha or dataset["rows"] != len(rows):
            truth.violation(f"{label}: dataset {dataset_id} has sha {dataset['sha256']} / {dataset['rows']} rows, "
                            f"sent {sha} / {len(rows)}")
        preview = api.json(f"/api/datasets/{dataset_id}/rows?limit=3")["rows"]
        # The service trims cells and reads an empty one as missing.
        expected = [{k: (v.strip() if v.strip() != "" else None) for k, v in row.items()} for row in rows[:3]]
        if preview != expected:
            truth.violation(f"{label}: dataset {dataset_id} previews {preview}, sent {expected}")
    for dataset_id, dataset in listed.items():
        if dataset["sha256"] in cut_off:
            truth.violation(f"{label}: dataset {dataset_id} is an upload that was cut off mid-stream")
        elif dataset_id not in acked and dataset["sha256"] not in attempted:
            truth.violation(f"{label}: dataset {dataset_id} was never uploaded")
        status, body = api.get(f"/api/datasets/{dataset_id}/rows?limit=1")
        if status != 200 or json.loads(body)["total"] != dataset["rows"]:
            truth.violation(f"{label}: dataset {dataset_id} is listed but its content answers {status}: {body[:200]}")

    with truth.lock:
        predictions = dict(truth.predictions)
        models = set(truth.jobs.values())
    for (model, version), expected in predictions.items():
        got = probabilities(api, model, version)
        if got != expected:
            truth.violation(f"{label}: model {model} v{version} predicts {got}, before the crash {expected}")
    for model in models:
        for version in api.json(f"/api/models/{model}/versions"):
            job = api.json(f"/api/training-jobs/{version['trainingJobId']}")
            if job["status"] != "SUCCEEDED" or job["modelVersion"] != version["version"]:
                truth.violation(f"{label}: version {version['version']} of model {model} exists but its job is "
                                f"{job['status']} (version {job['modelVersion']})")
    log(f"{label}: {len(acked)} acknowledged datasets, {len(listed)} listed, {len(predictions)} versions checked, "
        f"{len(truth.violations) - before} violations")


def settle_jobs(api, truth, reference, observed, timeout):
    """Waits for every acknowledged job to end; checks the reasons, the resumed histories and the reference runs."""
    deadline = time.time() + timeout
    with truth.lock:
        jobs = dict(truth.jobs)
    for job in sorted(jobs):
        document = await_job(api, job, max(1, deadline - time.time()))
        if document is None:
            truth.violation(f"job {job} did not end within {timeout}s after the last restart: "
                            f"{api.json(f'/api/training-jobs/{job}?history=false')}")
            continue
        message = document.get("message") or ""
        if document["status"] == "FAILED" and not message.strip():
            truth.violation(f"job {job} FAILED without a reason")
        if document["status"] == "CANCELLED":
            truth.violation(f"job {job} was CANCELLED though nobody asked")
        if "Resumed after epoch" in message:
            truth.resumed += 1
        elif "Restarted from epoch 0" in message:
            truth.restarted += 1
        history = document.get("history") or []
        if document["status"] == "SUCCEEDED":
            if [h["epoch"] for h in history] != list(range(1, document["epochs"] + 1)):
                truth.violation(f"job {job} history epochs are {[h['epoch'] for h in history]}")
            if jobs[job] == reference["model"] and history != reference["history"]:
                truth.violation(f"job {job} (same model, seed and data as the reference) ended with another history")
            remember_version(api, truth, job)
        seen = observed.get(job)
        if seen and "Resumed after epoch" in message:
            k = int(message.split("Resumed after epoch ")[1].split()[0])
            # The job may have recorded more epochs (and its checkpoint) between our last look and the kill: compare
            # what both saw.
            k = min(k, len(seen))
            if history[:k] != seen[:k]:
                truth.violation(f"job {job} resumed after epoch {k} but its first {k} epochs changed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", required=True)
    parser.add_argument("--java", default="java")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--titanic", required=True)
    parser.add_argument("--seed", type=int, default=int(os.environ.get("CRASH_SEED", time.time_ns() % 1_000_000)))
    parser.add_argument("--budget", type=float, default=170, help="seconds for all kill points")
    parser.add_argument("--settle", type=float, default=30, help="seconds at least for the interrupted jobs to end")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    log(f"seed {args.seed} (CRASH_SEED={args.seed} repeats the same delays)")
    started = time.time()
    truth = Truth()
    server = Server(args.java, args.jar, args.workdir, secrets.token_hex(20), [])
    with open(args.titanic, encoding="utf-8") as f:
        lines = f.readlines()
    titanic = "".join(lines).encode()
    try:
        server.start(timeout=120)
        api = Api(server)
        dataset = upload(api, truth, titanic)
        reference_model = define(api, dataset, epochs=30, seed=7)
        job = submit(api, truth, reference_model)
        done = await_job(api, job, 120)
        if done is None or done["status"] != "SUCCEEDED":
            raise RuntimeError(f"the reference job did not succeed: {done}")
        reference = {"model": reference_model, "history": done["history"]}
        remember_version(api, truth, job)
        observed = {}
        kill_points = ["mid-epoch", "upload-stream", "after-completion", "predictions", "mid-epoch"]
        for number, point in enumerate(kill_points, 1):
            if time.time() - started > args.budget:
                log(f"time budget spent: skipping the remaining kill points from '{point}' on")
                break
            api = Api(server)
            with Workload(api, truth, lines, [reference_model], rng) as work:
                detail = kill_point(point, server, api, truth, rng, reference_model, titanic, observed)
                server.kill()
            log(f"kill {number} ({point}): SIGKILL {detail}; during it {work.upload_count} uploads, "
                f"{work.prediction_count} predictions")
            server.start(timeout=120)
            verify(Api(server), truth, reference, f"after kill {number}")
        settle_jobs(Api(server), truth, reference, observed, timeout=max(args.settle, 200 - (time.time() - started)))
        verify(Api(server), truth, reference, "after all jobs ended")
    except (RuntimeError, AssertionError, OSError) as error:
        log(f"could not run: {error}")
        truth.violation(f"crash test could not run to the end: {error}")
        server.kill()
        summary(truth, server, started)
        return 2 if server.starts <= 1 else 1
    finally:
        server.kill()
    return summary(truth, server, started)


def define(api, dataset, epochs, seed):
    status, body = api.post_json("/api/models", {
        "datasetId": dataset, "target": "Survived", "exclude": EXCLUDE, "epochs": epochs, "seed": seed,
        "layers": [{"type": "dense", "units": 16, "activation": "relu"}, {"type": "dropout", "rate": 0.2}]})
    if status != 201:
        raise AssertionError(f"model definition answered {status}: {body[:300]}")
    return json.loads(body)["id"]


def kill_point(point, server, api, truth, rng, model, titanic, observed):
    if point == "mid-epoch":
        job = submit(api, truth, model)
        target = rng.randrange(2, 12)
        running = await_job(api, job, 60, lambda j: j["status"] != "QUEUED" and j["epoch"] >= target
                            or j["status"] in ("SUCCEEDED", "FAILED"))
        time.sleep(rng.uniform(0, 0.05))
        if running:
            observed[job] = running.get("history") or []
        return f"job {job} at epoch {running['epoch'] if running else '?'} (aimed at {target})"
    if point == "upload-stream":
        big = titanic + b"".join(titanic.split(b"\n", 1)[1] for _ in range(3))
        big = big.replace(b"Braund", ("Braund" + secrets.token_hex(4)).encode(), 1)
        sent_enough = threading.Event()
        fraction = rng.uniform(0.2, 0.8)
        threading.Thread(target=cut_off_upload, args=(server, truth, big, fraction, sent_enough), daemon=True).start()
        sent_enough.wait(60)
        return f"with an upload {fraction:.0%} streamed"
    if point == "after-completion":
        job = submit(api, truth, model)
        done = await_job(api, job, 90)
        if done and done["status"] == "SUCCEEDED":
            remember_version(api, truth, job)
        time.sleep(rng.uniform(0, 0.2))
        return f"right after job {job} ended {done['status'] if done else '(not in time)'}"
    delay = rng.uniform(0.5, 2.0)
    time.sleep(delay)
    return f"{delay:.2f}s into predictions"


def summary(truth, server, started):
    print(f"\nCrash test: {server.starts - 1} kill/restart cycles in {time.time() - started:.0f}s; "
          f"{len(truth.acked)} acknowledged uploads, {len(truth.jobs)} jobs "
          f"({truth.resumed} resumed from a checkpoint, {truth.restarted} restarted from epoch 0), "
          f"{len(truth.predictions)} versions checked", flush=True)
    if truth.violations:
        print(f"{len(truth.violations)} violations:", flush=True)
        for violation in truth.violations:
            print("  - " + violation, flush=True)
        return 1
    print("No violations.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
