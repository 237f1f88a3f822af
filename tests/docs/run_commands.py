#!/usr/bin/env python3
"""run_commands.py SOURCE_DIR BUILD_DIR SCRATCH

Every command of the README and docs/ runs as written: each ```sh block
of README.md and docs/*.md runs, as one bash script (set -e, pipefail),
from a scratch folder that looks like a checkout with its build: `build`
is BUILD_DIR, `scenarios`, `tests`, `bench` are the source's (read only),
`docs/images` is empty (the README's commands write screenshots there,
not over the committed ones) and HOME is the scratch's own.

The commands are run as written except those in NOT_RUN, each with the
reason and what runs it instead; an entry that no longer matches a
document's line fails the test, so the list cannot outlive its commands.
`./quickstart.sh demo` runs in SOURCE_DIR with BUILD_DIR set to the
test's build (the README's `build` in CI, where `.ci/run` builds there).
"""
import os
import re
import shutil
import subprocess
import sys

# (document, the command's first words) -> why it does not run here.
NOT_RUN = {
    ("README.md", "./quickstart.sh test"):
        "the test command itself (it would run this test again); checked to be "
        "exactly what .ci/run runs",
    ("docs/paper-benchmark.md", "build/sim/hvsim bench paper  "):
        "all eight cases for 100 major frames: about 23 min of CPU; the demo "
        "(--case 1 --mafs 3) runs the same code here, bench.paper_case5 too",
    ("docs/paper-benchmark.md", "build/sim/hvsim bench paper -j 2"):
        "the same 23 min of CPU, two cases at a time",
    ("docs/paper-benchmark.md", "build/sim/hvsim scenario scenarios/paper"):
        "about 25 s of CPU, run by test scenario.all (every scenario)",
    ("docs/scenarios.md", "build/sim/hvsim scenario scenarios/ "):
        "every scenario, about 27 s of CPU: test scenario.all runs it (-j 2)",
    ("docs/scenarios.md", "build/sim/hvsim scenario scenarios/paper --update"):
        "it rewrites the recorded files of the checkout",
    ("README.md", "build/sim/hvsim scenario scenarios/ -j 2"):
        "every scenario, about 27 s of CPU: test scenario.all runs it",
    ("docs/debugging.md", "build/sim/hvsim run scenarios/hello/xm_cf.xml"):
        "an interactive session in two terminals (--gdb-wait waits for you); "
        "the gdb.* tests drive the same commands",
    ("docs/debugging.md", "gdb-multiarch build/sparc/scenarios/hello/hello_p1.elf"): "the second terminal of that session",
    ("docs/debugging.md", "build/sim/hvsim run tests/guest/gdb.xml"):
        "waits for gdb; test gdb.session runs it with the script below filled in",
    ("docs/debugging.md", "gdb-multiarch -batch"): "its @ELF@ and @SOCKET@ are filled in by the test",
    ("docs/benchmarks.md", "bench/mmu_calls.sh build"):
        "a measurement: best of 9 runs of each call kind under perf, minutes",
    ("docs/benchmarks.md", "valgrind --tool=callgrind"): "a measurement under callgrind, minutes",
    ("docs/benchmarks.md", "callgrind_annotate"): "reads that measurement's output",
    ("docs/reliability.md", "nice $F/fuzz_config.fuzz"):
        "ten minutes of fuzzing; test fuzz.fuzz_config runs the target for a few seconds",
    ("docs/reliability.md", "nice $F/fuzz_scenario.fuzz"):
        "ten minutes of fuzzing; test fuzz.fuzz_scenario runs the target for a few seconds",
    ("docs/reliability.md", "nice $F/fuzz_trace.fuzz"):
        "ten minutes of fuzzing; test fuzz.fuzz_trace runs the target for a few seconds",
    ("docs/reliability.md", "nice $F/fuzz_elf.fuzz"):
        "ten minutes of fuzzing; test fuzz.fuzz_elf runs the target for a few seconds",
}


def blocks(path):
    """The ```sh blocks of path: (first line number, [commands]), a command
    being a line with its backslash continuations joined."""
    found, block, start, pending = [], None, 0, ""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if block is None:
                if re.match(r"^\s*```sh\s*$", line):
                    block, start = [], number + 1
                continue
            if re.match(r"^\s*```\s*$", line):
                found.append((start, block))
                block = None
                continue
            pending += line
            if pending.endswith("\\"):
                pending = pending[:-1] + " "
                continue
            block.append(pending)
            pending = ""
    return found


def not_run(document, command, used):
    for (doc, prefix), why in NOT_RUN.items():
        if doc == document and command.startswith(prefix):
            used.add((doc, prefix))
            return why
    return None


def scratch_checkout(source, build, scratch):
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(os.path.join(scratch, "docs", "images"))
    os.makedirs(os.path.join(scratch, "home"))
    os.symlink(os.path.abspath(build), os.path.join(scratch, "build"))
    for name in ("scenarios", "tests", "bench"):
        os.symlink(os.path.join(source, name), os.path.join(scratch, name))


def run(script, cwd, env, label):
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=cwd, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tail = "\n".join(done.stdout.splitlines()[-15:])
    print(f"== {label}: exit status {done.returncode}\n{tail}")
    return done.returncode == 0


def quickstart_test_is_ci(source):
    with open(os.path.join(source, ".ci", "run"), encoding="utf-8") as f:
        return "./quickstart.sh test" in [line.strip() for line in f]


def main():
    source, build, scratch = (os.path.abspath(a) for a in sys.argv[1:4])
    scratch_checkout(source, build, scratch)
    env = dict(os.environ, HOME=os.path.join(scratch, "home"))
    documents = ["README.md"] + sorted("docs/" + d for d in os.listdir(os.path.join(source, "docs"))
                                       if d.endswith(".md"))
    ok, used, ran = True, set(), 0
    for document in documents:
        for start, commands in blocks(os.path.join(source, document)):
            script = []
            for command in commands:
                why = not_run(document, command.strip(), used)
                if why:
                    print(f"-- {document}:{start}: not run: {command.strip()}\n   ({why})")
                elif re.match(r"\./quickstart\.sh demo\s*(#|$)", command.strip()):
                    ok &= run(command, source, dict(env, BUILD_DIR=build),
                              f"{document}:{start}: {command}")
                    ran += 1
                else:
                    script.append(command)
            if any(c.strip() and not c.strip().startswith("#") for c in script):
                ok &= run("\n".join(script), scratch, env, f"{document}:{start}")
                ran += 1
    if ran == 0:
        print("FAIL: no ```sh block found: the extraction is broken")
        ok = False
    if not quickstart_test_is_ci(source):
        print("FAIL: .ci/run does not run ./quickstart.sh test, the README's test command")
        ok = False
    for stale in sorted(set(NOT_RUN) - used):
        print(f"FAIL: NOT_RUN names a command no document has any more: {stale}")
        ok = False
    print(f"{ran} blocks run; {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
