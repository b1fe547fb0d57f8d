#!/usr/bin/env python3
"""A Baton remote worker in plain Python 3 (standard library only).

It speaks the worker protocol of docs/workers.md: registers its handlers, long-polls for as many tasks
as it has free threads, runs them on a thread each, reports complete / fail / progress under the task's
lease, heartbeats every heartbeatSeconds (the answer names tasks to stop and tells when an operator
drains the worker), retries transient HTTP failures with backoff, drops a result Baton refuses with
409 lease-lost, and on SIGTERM or Ctrl-C shuts down gracefully: no new polls, in-flight tasks finish,
then it deregisters.

    python3 worker.py --url http://localhost:8080 --user worker --password worker --threads 2

Handlers (names prefixed by --prefix, default "py."):
    py.upper  {"text": "abc"}            -> {"text": "ABC"}
    py.slow   {"ms": 3000, "text": "x"}  -> {"sleptMs": 3000, "text": "X", "worker": name}, with progress
    py.fail   {"message": "why"}         -> fails with that message

Write your own as `def handler(ctx): ...` returning any JSON-serialisable value and add it to HANDLERS.
Python threads cannot be interrupted: a long handler should call ctx.check() now and then, which raises
when Baton cancelled the task or its time ran out.
"""

import argparse
import base64
import json
import logging
import os
import random
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

LOG = logging.getLogger("baton.worker")


class LeaseLost(Exception):
    """The task is no longer this worker's (cancelled, revived elsewhere): stop, report nothing."""


class TimedOut(Exception):
    """Raise from a handler to report the attempt as TIMED_OUT rather than FAILED."""


class BatonError(Exception):
    """Baton could not be reached (after retries) or refused a call."""

    def __init__(self, message, status=None, problem=None):
        super().__init__(message)
        self.status = status
        self.problem = problem or {}


# ---- HTTP -------------------------------------------------------------------------------------------


class Baton:
    """JSON over HTTP with BASIC credentials; transient failures are retried with jittered backoff."""

    def __init__(self, url, user, password):
        self.url = url.rstrip("/")
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.authorization = "Basic " + token

    def call(self, method, path, body=None, timeout=30.0, attempts=5, idempotent=True):
        """Returns (status, parsed JSON body or None); raises BatonError when Baton stays unreachable."""
        data = None if body is None else json.dumps(body).encode()
        for attempt in range(1, attempts + 1):
            request = urllib.request.Request(self.url + path, data=data, method=method)
            request.add_header("Authorization", self.authorization)
            request.add_header("Accept", "application/json")
            if data is not None:
                request.add_header("Content-Type", "application/json")
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    return response.status, _json(response.read())
            except urllib.error.HTTPError as error:
                status, answer = error.code, _json(error.read())
                transient = status == 503 or (idempotent and status in (502, 504))
                if transient and attempt < attempts:
                    _backoff(attempt)
                    continue
                return status, answer
            except (urllib.error.URLError, OSError) as error:
                reason = getattr(error, "reason", error)
                not_sent = isinstance(reason, ConnectionRefusedError)
                if (idempotent or not_sent) and attempt < attempts:
                    LOG.debug("%s %s failed (%s), retrying", method, path, reason)
                    _backoff(attempt)
                    continue
                raise BatonError(f"{method} {self.url}{path} failed: {reason}") from error
        raise BatonError(f"{method} {self.url}{path} failed")  # not reached


def _json(raw):
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError:
        return {"detail": raw.decode("utf-8", "replace")[:200]}


def _backoff(attempt, initial=0.2, ceiling=5.0):
    delay = min(ceiling, initial * (2 ** (attempt - 1)))
    time.sleep(delay / 2 + random.uniform(0, delay / 2))


def _problem(status, answer):
    detail = (answer or {}).get("detail") or (answer or {}).get("title") or ""
    return f"{status} {detail}".strip()


# ---- tasks ------------------------------------------------------------------------------------------


class Context:
    """What a handler knows about its task, and how it reports progress."""

    def __init__(self, worker, task):
        self._worker = worker
        self._task = task
        self.task_id = task["id"]
        self.try_number = task.get("try", 1)
        self.name = task.get("name")
        self.handler = task["handler"]
        self.params = task.get("params")
        self.timeout_seconds = task.get("timeoutSeconds") or 0
        self.lease = task.get("lease")
        self.cancelled = threading.Event()
        self.timed_out = False
        self.worker_id = worker.id

    def progress(self, percent, message=None):
        """Stores progress on the task (and extends the lease); raises LeaseLost when it is not ours."""
        self.check()
        self._worker.progress(self, percent, message)

    def check(self):
        """Raises when Baton took the task away or its time ran out: call it in long loops."""
        if self.timed_out:
            raise TimedOut(f"timed out after {self.timeout_seconds} s")
        if self.cancelled.is_set():
            raise LeaseLost(f"task {self.task_id} is no longer this worker's")

    def sleep(self, seconds):
        """Sleeps, but wakes up (raising) when the task is cancelled or times out."""
        deadline = time.monotonic() + seconds
        while True:
            self.check()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self.cancelled.wait(min(left, 0.1))


def upper(ctx):
    return {"text": str((ctx.params or {}).get("text", "")).upper()}


def slow(ctx):
    params = ctx.params or {}
    ms = int(params.get("ms", 1000))
    for step in range(4):
        ctx.progress(step * 25, f"step {step + 1} of 4")
        ctx.sleep(ms / 4000.0)
    return {"sleptMs": ms, "text": str(params.get("text", "")).upper(), "worker": ctx._worker.name}


def fail(ctx):
    raise ValueError((ctx.params or {}).get("message", "py.fail failed as asked"))


HANDLERS = {"upper": upper, "slow": slow, "fail": fail}


def ping(args):
    return {"pong": args.get("from", "?"), "time": time.time()}


COMMANDS = {"ping": ping}


# ---- the worker -------------------------------------------------------------------------------------


class Worker:
    def __init__(self, baton, name, host, handlers, commands, threads, poll_wait):
        self.baton = baton
        self.name = name
        self.host = host
        self.handlers = handlers
        self.commands = commands
        self.threads = threads
        self.poll_wait = poll_wait
        self.id = None
        self.heartbeat_seconds = 5
        self.lease_seconds = 15
        self.status = None
        self.free = threading.Semaphore(threads)
        self.running = {}  # task id -> Context
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.undrained = threading.Event()
        self.undrained.set()
        self.seen_commands = set()

    # -- registration

    def register(self, deadline_seconds=60):
        body = {"name": self.name, "host": self.host, "handlers": sorted(self.handlers), "threads": self.threads}
        deadline = time.monotonic() + deadline_seconds
        attempt = 0
        while True:
            attempt += 1
            try:
                status, answer = self.baton.call("POST", "/api/workers", body)
            except BatonError as error:
                if time.monotonic() > deadline or self.stopping.is_set():
                    raise
                LOG.warning("registering failed (%s), retrying", error)
                _backoff(attempt)
                continue
            if status != 201:
                raise BatonError("registration refused: " + _problem(status, answer), status, answer)
            self.heartbeat_seconds = answer.get("heartbeatSeconds", 5)
            self.lease_seconds = answer.get("leaseSeconds", 15)
            self.update_status(answer.get("status"))
            self.id = answer["id"]
            LOG.info("worker %s registered as %s: handlers %s, %d threads, heartbeat %s s, lease %s s",
                     self.name, self.id, sorted(self.handlers), self.threads, self.heartbeat_seconds,
                     self.lease_seconds)
            return

    def reregister(self, stale_id):
        with self.lock:
            if stale_id != self.id or self.stopping.is_set():
                return
            LOG.warning("Baton does not know %s any more: registering again", stale_id)
            try:
                self.register(deadline_seconds=5)
            except BatonError as error:
                LOG.warning("registering again failed: %s", error)

    def update_status(self, status):
        if not status:
            return
        self.status = status
        if status in ("STOPPING", "STOPPED"):
            if self.undrained.is_set():
                LOG.info("drained (%s): no new work", status)
            self.undrained.clear()
        else:
            if not self.undrained.is_set():
                LOG.info("resumed (%s)", status)
            self.undrained.set()

    # -- main loop

    def run(self):
        self.register()
        threading.Thread(target=self.heartbeat_loop, name="heartbeat", daemon=True).start()
        poller = threading.Thread(target=self.poll_loop, name="poller", daemon=True)
        poller.start()
        while not self.stopping.wait(1):
            pass
        LOG.info("shutting down: no new polls, %d task(s) in flight", len(self.running))
        poller.join(self.poll_wait + 35)
        for _ in range(self.threads):  # every thread free again = nothing in flight
            self.free.acquire()
        self.deregister()

    def stop(self, *_):
        self.stopping.set()
        self.undrained.set()  # wake a drained poller so it can leave

    def poll_loop(self):
        failures = 0
        while not self.stopping.is_set():
            self.undrained.wait()
            if self.stopping.is_set() or not self.free.acquire(timeout=1):
                continue
            count = 1
            while count < min(self.threads, 100) and self.free.acquire(blocking=False):
                count += 1
            if self.stopping.is_set():
                self._release(count)
                return
            worker_id = self.id
            try:
                status, answer = self.baton.call(
                    "POST", f"/api/workers/{worker_id}/poll?max={count}&wait={self.poll_wait}",
                    timeout=self.poll_wait + 30, attempts=1, idempotent=False)
            except BatonError as error:
                self._release(count)
                failures += 1
                LOG.warning("poll failed (%s), retrying", error)
                _backoff(failures)
                continue
            if status == 404:
                self._release(count)
                self.reregister(worker_id)
                continue
            if status != 200:
                self._release(count)
                failures += 1
                LOG.warning("poll refused: %s", _problem(status, answer))
                _backoff(failures)
                continue
            failures = 0
            self.update_status(answer.get("status"))
            tasks = answer.get("tasks") or []
            self._release(count - len(tasks))
            for task in tasks:
                ctx = Context(self, task)
                ctx.worker_id = worker_id
                with self.lock:
                    self.running[ctx.task_id] = ctx
                threading.Thread(target=self.run_task, args=(ctx,), name=f"task-{ctx.task_id}",
                                 daemon=True).start()

    def _release(self, count):
        for _ in range(count):
            self.free.release()

    # -- running a task

    def run_task(self, ctx):
        timer = None
        if ctx.timeout_seconds > 0:
            def time_out():
                ctx.timed_out = True
                ctx.cancelled.set()
            timer = threading.Timer(ctx.timeout_seconds, time_out)
            timer.daemon = True
            timer.start()
        kind, body = "complete", {"lease": ctx.lease}
        try:
            handler = self.handlers.get(ctx.handler)
            if handler is None:
                raise RuntimeError(f"worker {self.name} has no handler '{ctx.handler}'")
            result = handler(ctx)
            if ctx.timed_out:
                raise TimedOut(f"timed out after {ctx.timeout_seconds} s")
            json.dumps(result)  # fail here, not in the report, when it is not JSON
            body["result"] = result
        except TimedOut as error:
            kind, body = "fail", {"lease": ctx.lease, "error": str(error), "timedOut": True}
        except Exception as error:  # noqa: BLE001 - any handler failure fails the attempt
            if ctx.timed_out:
                kind, body = "fail", {"lease": ctx.lease, "error": f"timed out after {ctx.timeout_seconds} s",
                                      "timedOut": True}
            else:
                message = str(error) or type(error).__name__
                kind, body = "fail", {"lease": ctx.lease, "error": message, "timedOut": False}
        finally:
            if timer:
                timer.cancel()
        try:
            if ctx.cancelled.is_set() and not ctx.timed_out:
                LOG.info("task %s was taken away: nothing reported", ctx.task_id)
            else:
                self.report(ctx, kind, body)
        finally:
            with self.lock:
                self.running.pop(ctx.task_id, None)
            self.free.release()

    def report(self, ctx, kind, body):
        path = f"/api/workers/{ctx.worker_id}/tasks/{ctx.task_id}/{kind}"
        try:
            status, answer = self.baton.call("POST", path, body, attempts=10)
        except BatonError as error:
            LOG.error("task %s: could not report %s (%s); Baton re-queues it when the lease ends",
                      ctx.task_id, kind, error)
            return
        if status == 200:
            LOG.info("task %s (%s): %s -> %s", ctx.task_id, ctx.handler, kind, (answer or {}).get("status"))
        elif status in (404, 409):
            LOG.info("task %s: %s refused (%s): lease lost, result dropped", ctx.task_id, kind,
                     _problem(status, answer))
        elif kind == "complete":
            LOG.warning("task %s: result refused (%s): reporting a failure", ctx.task_id, _problem(status, answer))
            self.report(ctx, "fail", {"lease": ctx.lease, "error": "result refused by Baton: "
                                      + _problem(status, answer), "timedOut": False})
        else:
            LOG.warning("task %s: %s refused: %s", ctx.task_id, kind, _problem(status, answer))

    def progress(self, ctx, percent, message):
        body = {"lease": ctx.lease, "percent": int(percent)}
        if message is not None:
            body["message"] = message
        try:
            status, answer = self.baton.call(
                "POST", f"/api/workers/{ctx.worker_id}/tasks/{ctx.task_id}/progress", body, timeout=10, attempts=3)
        except BatonError as error:
            LOG.warning("task %s: progress not sent: %s", ctx.task_id, error)
            return
        if status in (404, 409):
            ctx.cancelled.set()
            raise LeaseLost(f"task {ctx.task_id}: " + _problem(status, answer))
        if status != 200:
            LOG.warning("task %s: progress refused: %s", ctx.task_id, _problem(status, answer))

    # -- heartbeats and commands

    def heartbeat_loop(self):
        while True:
            time.sleep(self.heartbeat_seconds)
            worker_id = self.id
            with self.lock:
                running = [task_id for task_id, ctx in self.running.items()
                           if ctx.worker_id == worker_id and not ctx.cancelled.is_set()]
            try:
                status, answer = self.baton.call(
                    "POST", f"/api/workers/{worker_id}/heartbeat", {"running": running},
                    timeout=max(5, self.heartbeat_seconds), attempts=2)
            except BatonError as error:
                LOG.warning("heartbeat failed: %s", error)
                continue
            if status == 404:
                self.reregister(worker_id)
                continue
            if status != 200:
                LOG.warning("heartbeat refused: %s", _problem(status, answer))
                continue
            self.update_status(answer.get("status"))
            for task_id in answer.get("cancel") or []:
                with self.lock:
                    ctx = self.running.get(task_id)
                if ctx:
                    LOG.info("task %s cancelled by Baton: stopping it", task_id)
                    ctx.cancelled.set()
            for command in answer.get("commands") or []:
                if command.get("id") not in self.seen_commands:
                    self.seen_commands.add(command.get("id"))
                    threading.Thread(target=self.answer, args=(worker_id, command), daemon=True).start()

    def answer(self, worker_id, command):
        name = command.get("name")
        handler = self.commands.get(name)
        if handler is None:
            answer = {"ok": False, "error": f"unknown command '{name}' on worker {self.name}"}
        else:
            try:
                answer = {"ok": True, "result": handler(command.get("args") or {})}
            except Exception as error:  # noqa: BLE001
                answer = {"ok": False, "error": str(error) or type(error).__name__}
        try:
            self.baton.call("POST", f"/api/commands/{command.get('id')}/results/{worker_id}", answer, timeout=10)
        except BatonError as error:
            LOG.warning("command %s: answer not sent: %s", command.get("id"), error)

    def deregister(self):
        try:
            status, answer = self.baton.call("DELETE", f"/api/workers/{self.id}", timeout=10)
            if status in (204, 404):
                LOG.info("worker %s (%s) deregistered", self.name, self.id)
            else:
                LOG.warning("deregistering answered %s", _problem(status, answer))
        except BatonError as error:
            LOG.warning("deregistering failed: %s", error)


def main(argv=None):
    parser = argparse.ArgumentParser(description="A Baton remote worker (stdlib only).")
    parser.add_argument("--url", default=os.environ.get("BATON_URL", "http://localhost:8080"))
    parser.add_argument("--user", default=os.environ.get("BATON_USER", "worker"))
    parser.add_argument("--password", default=os.environ.get("BATON_PASSWORD", "worker"))
    parser.add_argument("--name", default=f"py-{socket.gethostname()}-{os.getpid()}")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--prefix", default="py.", help="prefix of the handler names (default py.)")
    parser.add_argument("--poll-wait", type=int, default=10, help="seconds one poll waits for work (0-60)")
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(threadName)s %(message)s")

    handlers = {args.prefix + name: handler for name, handler in HANDLERS.items()}
    worker = Worker(Baton(args.url, args.user, args.password), args.name, socket.gethostname(), handlers,
                    COMMANDS, args.threads, args.poll_wait)
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    try:
        worker.run()
    except BatonError as error:
        LOG.error("%s", error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
