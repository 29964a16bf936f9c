#!/usr/bin/env python3
"""End-to-end tests of progress lines and Ctrl-C (issue 22), which need a pseudo-terminal and
signals, so they are not run-case files.

    progress.py PEERS_BINARY REPO

$PEERS_TEST_SLOW_PROGRESS_MS makes every progress step pause, so that work on a small store
lasts long enough to be drawn or interrupted.
"""
import os
import pty
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PEERS = os.path.abspath(sys.argv[1])
REPO = os.path.abspath(sys.argv[2])
failures = []


def check(condition, what, detail=""):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}\n{detail}", file=sys.stderr)


def environment(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERS_") and k != "NO_COLOR"}
    env.update({"PEERS_NOW": "2026-03-01T12:00:00Z", "PEERS_USER": "Tester", "TERM": "xterm"})
    env.update(extra)
    return env


def new_store(work, name):
    """A copy of the example store (a clean one), without a cache."""
    store = os.path.join(work, name)
    shutil.copytree(os.path.join(REPO, "examples", "westbrook"), store,
                    ignore=shutil.ignore_patterns(".peers"))
    return store


def write_vcards(path, count):
    with open(path, "w") as out:
        for i in range(count):
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact Number{i}\r\n"
                      f"EMAIL:contact{i}@example.org\r\nEND:VCARD\r\n")


def run_on_terminal(args, cwd, env):
    """Runs peers with stderr on a pseudo-terminal; returns (status, stdout, terminal bytes)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([PEERS] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the last writer closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out = proc.stdout.read()
    status = proc.wait()
    os.close(leader)
    # The terminal turns "\n" into "\r\n"; what peers wrote is wanted.
    return status, out.decode(), seen.decode(errors="replace").replace("\r\n", "\n")


def run(args, cwd, env):
    r = subprocess.run([PEERS] + args, cwd=cwd, env=env, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def catches_sigint(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("SigCgt:"):
                    return int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)) != 0
    except OSError:
        pass
    return False


def interrupt(args, cwd, env, after):
    """Starts peers on pipes, sends SIGINT after `after` seconds; returns (status, stderr)."""
    proc = subprocess.Popen([PEERS] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until peers catches SIGINT (its interruptible work has begun: SigCgt in /proc shows
    # the handler), then `after` seconds more; a slow start (sanitizers, a busy machine) cannot
    # make the signal arrive before the handler.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not catches_sigint(proc.pid):
        time.sleep(0.02)
    time.sleep(after)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, err


def temp_files(store):
    return [os.path.join(top, n) for top, _, names in os.walk(store) for n in names
            if ".tmp" in n or n.startswith(".peers-tmp")]


def main():
    work = tempfile.mkdtemp(prefix="peers-progress.")
    try:
        vcf = os.path.join(work, "contacts.vcf")
        write_vcards(vcf, 12)
        slow = environment(PEERS_TEST_SLOW_PROGRESS_MS="100")

        # On a terminal: the progress line is drawn after half a second, then cleared.
        store = new_store(work, "terminal")
        status, out, seen = run_on_terminal(["import", vcf], store, slow)
        check(status == 0, "import on a terminal succeeds", seen)
        check("reading contacts.vcf: " in seen and "/12 (" in seen,
              "progress is drawn on a terminal", repr(seen))
        last_line = seen.rsplit("\r", 1)
        check(len(last_line) == 2 and "Imported from" in last_line[1],
              "the line is cleared before the result", repr(seen))
        cleared = seen[seen.rfind("reading contacts.vcf"):]
        check("\r" + " " * 10 in cleared, "the progress line is blanked out", repr(cleared))
        check("\033[2m" in seen, "progress is dim when colour is allowed", repr(seen))

        # Colour follows NO_COLOR; -q and PEERS_PROGRESS=0 draw nothing.
        for name, args, extra in [("no colour", ["import", vcf], {"NO_COLOR": "1"}),
                                  ("quiet", ["-q", "import", vcf], {}),
                                  ("PEERS_PROGRESS=0", ["import", vcf], {"PEERS_PROGRESS": "0"})]:
            store = new_store(work, name.replace(" ", "-").replace("=", ""))
            status, out, seen = run_on_terminal(args, store, dict(slow, **extra))
            check(status == 0, f"import ({name}) succeeds", seen)
            if name == "no colour":
                check("reading contacts.vcf: " in seen and "\033[" not in seen,
                      "NO_COLOR: progress without colour", repr(seen))
            else:
                check("reading contacts.vcf" not in seen and "\r" not in seen,
                      f"{name}: no progress", repr(seen))

        # On a pipe: not one progress byte.
        store = new_store(work, "pipe")
        status, out, err = run(["import", vcf], store, slow)
        check(status == 0 and "\r" not in err and "reading" not in err,
              "no progress on a pipe", repr(err))

        # Ctrl-C during the first cache build: exit 130, one line, no cache, the store intact.
        store = new_store(work, "interrupt-load")
        status, err = interrupt(["list"], store, environment(PEERS_TEST_SLOW_PROGRESS_MS="3000"), 0.3)
        check(status == 130, "Ctrl-C during the first cache build exits 130", f"{status} {err!r}")
        check(err == "peers: interrupted: stopped while reading the store; no cache was built\n",
              "one line says what was not done", repr(err))
        check(not os.path.exists(os.path.join(store, ".peers", "cache")), "no cache is left")
        check(temp_files(store) == [], "no temp file is left", str(temp_files(store)))
        status, out, err = run(["check"], store, environment())
        check(status == 0, "check is clean after the interrupted load", out + err)
        status, out, err = run(["list"], store, environment())
        check(status == 0 and len(out.splitlines()) == len(os.listdir(os.path.join(store, "people"))),
              "the next command works", out + err)

        # Ctrl-C during an import's writes: the people written are whole, the rest are not
        # written, the lock is free, and the import run again finishes the job.
        store = new_store(work, "interrupt-import")
        before = len(os.listdir(os.path.join(store, "people")))
        status, err = interrupt(["import", vcf], store, environment(PEERS_TEST_SLOW_WRITE_MS="300"), 1.0)
        check(status == 130, "Ctrl-C during an import exits 130", f"{status} {err!r}")
        last = err.splitlines()[-1] if err else ""
        check(last.startswith("peers: interrupted: ") and "people were written, the other" in last
              and "run the import again to finish" in last,
              "one line says what the import did not do", repr(err))
        check(temp_files(store) == [], "no temp file is left by the import", str(temp_files(store)))
        written = len(os.listdir(os.path.join(store, "people"))) - before
        check(0 < written < 12, "the import stopped part way", str(written))
        status, out, err = run(["check"], store, environment())
        check(status == 0, "check is clean after the interrupted import", out + err)
        status, out, err = run(["import", vcf], store, environment())
        check(status == 0 and f"{12 - written} added" in err, "the import run again adds the rest",
              out + err)
        check(len(os.listdir(os.path.join(store, "people"))) == before + 12, "everyone is in")

        # triage: a line while it routes and while it records; Ctrl-C in either stops cleanly.
        messages = os.path.join(work, "monday.txt")
        with open(messages, "w") as out:
            for i in range(8):  # few enough to be routed on one thread: each step pauses
                out.write(f"when is the transfer deadline for term {i}\n")
        store = new_store(work, "triage-terminal")
        run(["who-knows", "transfer"], store, environment())  # the cache and routing index are built: only triage's own stages remain
        status, out, seen = run_on_terminal(["triage", messages], store,
                                            environment(PEERS_TEST_SLOW_PROGRESS_MS="150"))
        check(status == 0, "triage on a terminal succeeds", seen)
        check("routing monday.txt: " in seen and "/8 (" in seen, "triage draws its routing", repr(seen))
        check("recording monday.txt: " in seen, "triage draws its recording", repr(seen))
        last_line = seen.rsplit("\r", 1)
        check(len(last_line) == 2 and "Recorded 8 questions" in last_line[1],
              "triage clears the line before its summary", repr(seen))
        check(out.count("ask María López") == 8, "triage's results are on stdout", out)

        store = new_store(work, "triage-pipe")
        status, out, err = run(["triage", messages], store, environment(PEERS_TEST_SLOW_PROGRESS_MS="150"))
        check(status == 0 and "\r" not in err and "routing" not in err,
              "triage: no progress on a pipe", repr(err))

        store = new_store(work, "triage-interrupt-routing")
        run(["who-knows", "transfer"], store, environment())
        before = sorted(os.listdir(os.path.join(store, "questions")))
        status, err = interrupt(["triage", messages], store,
                                environment(PEERS_TEST_SLOW_PROGRESS_MS="3000:routing"), 0.3)
        check(status == 130, "Ctrl-C while triage routes exits 130", f"{status} {err!r}")
        check(err == "peers: interrupted: stopped while routing the messages; nothing was recorded\n",
              "one line says nothing was recorded", repr(err))
        check(sorted(os.listdir(os.path.join(store, "questions"))) == before,
              "no question is recorded when triage is stopped while routing")

        store = new_store(work, "triage-interrupt-recording")
        run(["who-knows", "transfer"], store, environment())
        before = len(os.listdir(os.path.join(store, "questions")))
        status, err = interrupt(["triage", messages], store,
                                environment(PEERS_TEST_SLOW_WRITE_MS="300"), 1.0)
        check(status == 130, "Ctrl-C while triage records exits 130", f"{status} {err!r}")
        last = err.splitlines()[-1] if err else ""
        check(last.startswith("peers: interrupted: ") and "questions were recorded, the other" in last
              and "run the triage again to record them" in last,
              "one line says what triage did not record", repr(err))
        check(temp_files(store) == [], "no temp file is left by triage", str(temp_files(store)))
        recorded = len(os.listdir(os.path.join(store, "questions"))) - before
        check(0 < recorded < 8, "the triage stopped part way", str(recorded))
        status, out, err = run(["check"], store, environment())
        check(status == 0, "check is clean after the interrupted triage", out + err)
        status, out, err = run(["triage", messages], store, environment())
        check(status == 0 and f"Recorded {8 - recorded} questions" in err
              and f"{recorded} already recorded, skipped" in err,
              "triage run again records the rest and skips the others", out + err)
    finally:
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)
    if failures:
        sys.exit(1)
    print("progress: all passed")


if __name__ == "__main__":
    main()
