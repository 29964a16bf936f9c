#!/usr/bin/env python3
"""Types into a real interactive bash on a pty: Tab-completes tags the store spells as shell code
("$(touch FILE)", `...`, quotes) after `peers list --tag "`, `'` and nothing, presses Enter, and
checks that nothing ran and that peers got the tag back as it is (it lists the person).
  bash_pty.py PEERS_BINARY REPO
"""
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import time

peers_bin, repo = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
if not os.path.exists("/usr/share/bash-completion/bash_completion"):
    print("bash-completion is not installed")
    sys.exit(1)

work = tempfile.mkdtemp(prefix="peers-bash-pty.")
failures = []
try:
    os.makedirs(f"{work}/bin")
    os.makedirs(f"{work}/home")
    os.symlink(peers_bin, f"{work}/bin/peers")
    shutil.copytree(f"{repo}/tests/fixtures/shell", f"{work}/store")
    markers = {name: f"{work}/ran-{name}" for name in ("dq", "sq", "bare", "tick")}
    tags = {
        "dq": f'dqtag"$(touch {markers["dq"]})"',
        "sq": f"sqtag'$(touch {markers['sq']})'",
        "bare": f"baretag$(touch {markers['bare']})",
        "tick": f"ticktag`touch {markers['tick']}`\\x",
    }
    person = f"{work}/store/people/maria-lopez.yaml"
    with open(person) as f:
        text = f.read()
    listed = "".join(f"  - {json.dumps(t)}\n" for t in tags.values())
    text = text.replace("tags:\n", "tags:\n" + listed, 1)
    with open(person, "w") as f:
        f.write(text)

    env = {
        "PATH": f"{work}/bin:" + os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": f"{work}/home", "TERM": "dumb", "NO_COLOR": "1", "TZ": "UTC", "LANG": "C.UTF-8",
        "PEERS_NOW": "2026-11-27T12:00:00Z", "PEERS_USER": "Test User", "INPUTRC": "/dev/null",
    }
    output = b""
    fd = -1
    step = 0

    def read_until(needle, timeout=20.0):
        global output
        end = time.time() + timeout
        while time.time() < end:
            if needle in output:
                i = output.index(needle) + len(needle)
                seen, output = output[:i], output[i:]
                return seen
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    output += os.read(fd, 4096)
                except OSError:
                    break
        raise TimeoutError(f"no {needle!r} in {output[-500:]!r}")

    def sync():
        # The shell computes the number, so the echo of the typed line cannot match.
        global step
        step += 1
        os.write(fd, f"echo @@@$(({step}*1000))@@@\n".encode())
        return read_until(f"@@@{step * 1000}@@@".encode())

    # The set-up is read from an rc file, not typed: typed into a shell that was still starting,
    # on a loaded machine, readline now and then took letters for key bindings.
    with open(f"{work}/bashrc", "w") as f:
        f.write("PS1='$ '\nbind 'set bell-style none' 2>/dev/null\n"
                "source /usr/share/bash-completion/bash_completion\n"
                "source <(peers completion bash)\n")
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(f"{work}/store")
        os.execve("/bin/bash", ["bash", "--rcfile", f"{work}/bashrc", "--noprofile", "-i"], env)
    read_until(b"$ ")
    sync()
    for name, typed in (("dq", 'peers list --tag "dq'), ("sq", "peers list --tag 'sq"),
                        ("bare", "peers list --tag bare"), ("tick", 'peers list --tag "tick')):
        os.write(fd, typed.encode() + b"\t")
        time.sleep(3.0)  # completion runs peers; on a loaded machine (or under ASan) 1 s was short
        os.write(fd, b"\n")
        seen = sync()
        if os.path.exists(markers[name]):
            failures.append(f"{typed!r} + Tab + Enter ran the tag's command")
        if "López".encode() not in seen:
            failures.append(f"{typed!r} + Tab + Enter did not list the person: {seen[-400:]!r}")
    os.write(fd, b"exit\n")
    os.waitpid(pid, 0)
finally:
    shutil.rmtree(work, ignore_errors=True)

for f in failures:
    print("FAIL:", f)
if failures:
    print(f"bash completion on a pty: {len(failures)} failure(s)")
    sys.exit(1)
print("bash completion on a pty: all checks passed")
