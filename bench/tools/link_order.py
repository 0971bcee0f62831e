#!/usr/bin/env python3
"""Writes a symbol ordering file for linking `wisp` with lld (--symbol-ordering-file): the functions that
`wisp run` executes on the harness programs, so that they are laid out together at the start of .text.

Why: the kernel maps a file-backed executable in 64 KiB "fault-around" windows, so a run touching a few
functions in every window of the 1.3 MB .text has nearly all of it resident (peak RSS ~1 MiB above
wasm3 from the binary alone). Grouping the executed functions keeps the resident part near their size.

usage: link_order.py WISP_BINARY OUT_FILE [PROGRAM.wasm [ARGS...]]...
  Without programs: builds every harness program (bench/run.py's SIZES) for wasm32-wasi and runs each at
  its tiny size. Needs valgrind (and clang-19 with wasi-libc for the default programs). The binary should be built with -ffunction-sections so the linker can move functions
one by one; symbols missing from a later build are ignored by lld (--no-warn-symbol-ordering).
"""
import os
import re
import subprocess
import sys
import tempfile


def executed_functions(wisp, run_args, out_dir):
    """Mangled names of the functions callgrind saw executing in `wisp run ARGS`, in first-seen order."""
    out = os.path.join(out_dir, "cg.out")
    subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", "--callgrind-out-file=" + out, wisp, "run"]
                   + run_args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    names, seen = [], set()
    ids = {}
    obj_ids = {}
    cur_obj = None
    for line in open(out, encoding="utf-8", errors="replace"):
        m = re.match(r"^(ob|cob)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if m:
            if m.group(3):
                obj_ids[m.group(2)] = m.group(3)
            if m.group(1) == "ob":
                cur_obj = obj_ids.get(m.group(2))
            continue
        # Names are compressed: "(id) name" the first time, in an fn= or a cfn= line, "(id)" after.
        m = re.match(r"^(fn|cfn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        if m.group(3):
            ids[m.group(2)] = m.group(3)
        if m.group(1) == "cfn":
            continue
        name = ids.get(m.group(2))
        if name and cur_obj and os.path.basename(cur_obj) == os.path.basename(wisp) and name not in seen:
            seen.add(name)
            names.append(name)
    return names


def harness_runs(out_dir):
    """The harness programs built into out_dir, each with its tiny size argument."""
    bench = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, bench)
    import run  # bench/run.py: SIZES and build()
    built = run.build("clang-19", out_dir, list(run.SIZES), [], False)
    return [[built[n][1]] + ([str(run.SIZES[n][1])] if run.SIZES[n][1] else []) for n in run.SIZES]


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    wisp, out_file = sys.argv[1], sys.argv[2]
    if len(sys.argv) == 3:
        with tempfile.TemporaryDirectory() as tmp:
            return write_order(wisp, out_file, harness_runs(tmp))
    runs, cur = [], []
    for a in sys.argv[3:]:
        if a.endswith(".wasm") and cur:
            runs.append(cur)
            cur = []
        cur.append(a)
    if cur:
        runs.append(cur)
    return write_order(wisp, out_file, runs)


def write_order(wisp, out_file, runs):
    defined = set(subprocess.run(["nm", "--defined-only", "-j", wisp], capture_output=True, text=True,
                                 check=True).stdout.split())
    order, seen = [], set()
    with tempfile.TemporaryDirectory() as tmp:
        for r in runs:
            for n in executed_functions(wisp, r, tmp):
                if n in defined and n not in seen:
                    seen.add(n)
                    order.append(n)
    with open(out_file, "w") as f:
        f.write("\n".join(order) + "\n")
    print(f"{len(order)} functions -> {out_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
