"""A small process supervisor for `make run`: starts every process of a Procfile, restarts one that dies
(with a growing pause, so a process that cannot start does not spin), and stops them all on Ctrl-C or
SIGTERM. honcho, used before, stopped everything when one process died: a crashed Celery worker took
the web server down with it.

    python -m mpp_portal.supervise Procfile

Each child runs in its own session, so Ctrl-C reaches only the supervisor, which then stops the children
in order. The current process ids are written to ``$VAR_DIR/supervisor.json`` for operators (and tests).
"""
import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

RESTART_PAUSE_FIRST = 1.0
RESTART_PAUSE_MAX = 30.0
# A process that stayed up this long is healthy again: its next crash restarts it after the first pause.
STABLE_AFTER = 60.0
STOP_GRACE = 15.0


def procfile_read(path: Path) -> dict[str, list[str]]:
    commands = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _sep, command = line.partition(":")
            commands[name.strip()] = shlex.split(command)
    return commands


class Child:
    def __init__(self, name: str, command: list[str]):
        self.name, self.command = name, command
        self.proc: subprocess.Popen | None = None
        self.started_at = 0.0
        self.pause = RESTART_PAUSE_FIRST
        self.restart_at: float | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(self.command, start_new_session=True)
        self.started_at, self.restart_at = time.monotonic(), None
        _log(f"{self.name} started (pid {self.proc.pid}): {' '.join(self.command)}")

    def check(self, now: float) -> bool:
        """Restart when due; True when the set of running pids changed."""
        if self.proc is not None and self.proc.poll() is not None:
            code = self.proc.returncode
            if now - self.started_at >= STABLE_AFTER:
                self.pause = RESTART_PAUSE_FIRST
            _log(f"{self.name} exited with {code}; restarting in {self.pause:.0f} s")
            self.proc, self.restart_at = None, now + self.pause
            self.pause = min(self.pause * 2, RESTART_PAUSE_MAX)
            return True
        if self.proc is None and self.restart_at is not None and now >= self.restart_at:
            self.start()
            return True
        return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def wait(self, deadline: float) -> None:
        if self.proc is None:
            return
        try:
            self.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _log(f"{self.name} did not stop in time; killing it")
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()


def _log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} supervisor | {message}", flush=True)


def _state_write(path: Path, children: list[Child]) -> None:
    state = {"supervisor": os.getpid(),
             "processes": {c.name: c.proc.pid for c in children if c.proc is not None and c.proc.poll() is None}}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state))
    tmp.replace(path)


def main(argv: list[str]) -> int:
    procfile = Path(argv[1] if len(argv) > 1 else "Procfile")
    state_path = Path(os.environ.get("VAR_DIR", "var")) / "supervisor.json"
    state_path.parent.mkdir(parents=True, exist_ok=True)
    children = [Child(name, command) for name, command in procfile_read(procfile).items()]
    stopping = False

    def request_stop(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    for child in children:
        child.start()
    _state_write(state_path, children)
    while not stopping:
        time.sleep(0.2)
        now = time.monotonic()
        if any([child.check(now) for child in children]):
            _state_write(state_path, children)
    _log("stopping")
    for child in reversed(children):
        child.stop()
    deadline = time.monotonic() + STOP_GRACE
    for child in children:
        child.wait(deadline)
    state_path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
