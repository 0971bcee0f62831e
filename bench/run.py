#!/usr/bin/env python3
"""wisp benchmark harness.

Builds every bench/programs/*.c twice (natively and for wasm32-wasi, both with clang -O2; the Wasm 3.0
programs throw_catch.cc and tail_calls.c when named or with --wasm30-programs), then runs each
program natively, under `wisp run` and under every runtime named in WISP_BENCH_RUNTIMES, alternating the
runtimes run by run (so a drift in machine speed hits all of them alike). Prints per program the median
wall time (or CPU time, --metric cpu), peak RSS and the ratio to native, then the geometric mean of the
ratios. Every run's checksum line (stdout) must equal the native one; any mismatch or failure makes the
exit status 1.

  bench/run.py --wisp build/wisp [--runs 5] [--tiny] [--only fib,sort] [--markdown]
  bench/run.py --wisp build/wisp --tiers auto,jit,interp --node /tmp/node26/bin/node \
               --wasm3 /tmp/wasm3/build/wasm3 --metric cpu   (wisp's tiers as runtimes wisp-auto, ...)
  bench/run.py --wisp build/wisp --coremark DIR ...  (also CoreMark: DIR/coremark.native and
                                                       DIR/coremark.wasm, built by hand: RESULTS.md)
  bench/run.py --wisp-cmd build/wisp_bench_run ...   (the API-level runner of bench/tools/wasi_run.cc)
  bench/run.py --wisp build/wisp --simd128            (adds "wisp+simd": the same programs built with
                                                       -msimd128, and the column simd/scalar)

WISP_BENCH_RUNTIMES is a shell-quoted list of NAME=COMMAND; a runtime is run as `COMMAND FILE.wasm ARGS`
(--node and --wasm3 are shorthands for the two below):
  WISP_BENCH_RUNTIMES='wasm3=/tmp/wasm3/build/wasm3 "node=node --no-warnings tests/wasi/node-run.mjs"'
"""

import argparse
import math
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")

# name -> (full size, tiny size). Full sizes take roughly 0.05-0.5 s natively on a 2020s x86-64 core.
SIZES = {
    "fib": (35, 15),
    "loops": (3000000, 2000),
    "matmul": (300, 12),
    "nbody": (500000, 100),
    "hash": (8, 1),
    "sort": (400000, 1000),
    "memops": (2000, 2),
    "vm": (1000000, 1000),
    "strings": (200000, 200),
    "pixels": (30, 1),
    "hello": (0, 0),
    "throw_catch": (200000, 100),
    "tail_calls": (10000000, 1000),
}
STARTUP_ONLY = {"hello"}  # excluded from the compute geomean: it measures start-up, reported on its own
# Wasm 3.0 feature programs: run only when named with --only (or with --wasm30-programs), since runtimes
# without exceptions or tail calls cannot run them, and kept out of the compute geomean; their extra
# wasm32 flags (C++ programs build with --cxx).
OPT_IN = {"throw_catch", "tail_calls"}
CXX_EH_RUNTIME = os.path.join(HERE, "..", "tests", "eh", "cxx_eh_runtime.cc")
WASM_FLAGS = {
    "throw_catch": ["-fwasm-exceptions", "-nostdlib++", CXX_EH_RUNTIME],
    "tail_calls": ["-mtail-call"],
}
# `wisp run` options they need while these features are off by default.
WISP_RUN_FLAGS = {"throw_catch": ["-W", "exceptions=y,legacy-exceptions=y"]}
SIMD_RT = "wisp+simd"  # the -msimd128 build of each program, under wisp (--simd128)
NODE_RUNNER = os.path.join(HERE, "..", "tests", "wasi", "node-run.mjs")
TIERS = ("auto", "jit", "interp")
# Runtimes that get a "REF/NAME" column: the first wisp runtime's time over theirs.
COMPARED = ("wasm3", "node")
# CoreMark's performance run (posix port, SEED_ARG): seeds 0, 0, 0x66 and the iteration count.
COREMARK_SEEDS = ["0x0", "0x0", "0x66"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def build(cc, cxx, out_dir, names, extra_flags, simd128):
    """Compiles each program natively and to wasm32-wasi with the same flags (and, with simd128, a second
    wasm32 build with -msimd128); returns {name: (native, wasm, simd wasm or None)}."""
    base_flags = ["-O2", "-Wall", "-Wextra", "-Werror"] + extra_flags
    built = {}
    for name in names:
        src = os.path.join(PROGRAMS, name + ".c")
        compiler, flags = cc, base_flags
        if not os.path.exists(src):
            src = os.path.join(PROGRAMS, name + ".cc")
            compiler, flags = cxx, ["-std=c++17"] + base_flags
        wflags = flags + WASM_FLAGS.get(name, [])
        nat = os.path.join(out_dir, name + ".native")
        wasm = os.path.join(out_dir, name + ".wasm")
        simd = os.path.join(out_dir, name + ".simd.wasm") if simd128 else None
        cmds = [[compiler] + flags + [src, "-o", nat, "-lm"],
                [compiler, "--target=wasm32-wasi"] + wflags + [src, "-o", wasm, "-lm"]]
        if simd:
            cmds.append([compiler, "--target=wasm32-wasi", "-msimd128"] + wflags + [src, "-o", simd, "-lm"])
        for cmd in cmds:
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                log("build failed: " + " ".join(cmd) + "\n" + r.stderr)
                sys.exit(2)
        built[name] = (nat, wasm, simd)
    return built


def run_once(measure, argv, timeout):
    """Runs argv under the measure wrapper; returns (wall s, peak RSS KiB, CPU s, exit code, output);
    CPU is user + system time of the whole process (every thread: Node's compiler threads count)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile(mode="r") as figures:
        p = subprocess.Popen([measure, figures.name] + argv, stdout=out, stderr=subprocess.STDOUT)
        try:
            p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            return (timeout, 0, timeout, -9, b"TIMEOUT")
        out.seek(0)
        text = figures.read().split()
        if len(text) != 3:
            return (0.0, 0, 0.0, p.returncode or -1, b"measure failed: " + out.read())
        return (int(text[0]) / 1e9, int(text[1]), int(text[2]) / 1e9, p.returncode, out.read())


def parse_runtimes(spec):
    runtimes = []
    for item in shlex.split(spec or ""):
        if "=" not in item:
            log(f"WISP_BENCH_RUNTIMES: '{item}' is not NAME=COMMAND")
            sys.exit(2)
        name, cmd = item.split("=", 1)
        runtimes.append((name, shlex.split(cmd)))
    return runtimes


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def fmt_ratio(x):
    return "-" if math.isnan(x) else f"{x:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wisp", help="path to the wisp CLI (runs `WISP run FILE.wasm SIZE`)")
    ap.add_argument("--wisp-cmd", help="instead of --wisp: a command to run as `CMD FILE.wasm SIZE` "
                    "(e.g. build/wisp_bench_run)")
    ap.add_argument("--runs", type=int, default=5, help="counted runs per program and runtime (median)")
    ap.add_argument("--startup-runs", type=int, default=41,
                    help="counted runs for start-up programs (hello: a few ms, so its median needs more runs)")
    ap.add_argument("--warmup", type=int, default=1, help="uncounted runs first")
    ap.add_argument("--tiny", action="store_true", help="tiny sizes (a smoke test, as in ctest)")
    ap.add_argument("--only", default="", help="comma-separated program names")
    ap.add_argument("--cc", default=os.environ.get("WISP_BENCH_CC", "clang-19"))
    ap.add_argument("--cxx", default=os.environ.get("WISP_BENCH_CXX", "clang++-19"),
                    help="the C++ compiler (throw_catch)")
    ap.add_argument("--wasm30-programs", action="store_true",
                    help="also run the Wasm 3.0 feature programs (throw_catch, tail_calls)")
    ap.add_argument("--cflags", default="", help="extra flags for both builds")
    ap.add_argument("--build-dir", default="", help="where binaries go (default: a temporary directory)")
    ap.add_argument("--no-env-runtimes", action="store_true", help="ignore WISP_BENCH_RUNTIMES")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--simd128", action="store_true",
                    help="also build every program with -msimd128 and run it under wisp as 'wisp+simd'")
    ap.add_argument("--tiers", default="",
                    help="comma-separated wisp tiers (auto, jit, interp), each a runtime 'wisp-TIER' "
                    "(`wisp run --tier TIER`); the first is the reference of the wisp/node, wisp/wasm3 "
                    "columns. Default: one runtime 'wisp' (wisp's default tier)")
    ap.add_argument("--node", default="", help="a Node binary: adds the runtime 'node' "
                    "(NODE --no-warnings tests/wasi/node-run.mjs)")
    ap.add_argument("--wasm3", default="", help="a wasm3 binary: adds the runtime 'wasm3'")
    ap.add_argument("--metric", choices=("wall", "cpu"), default="wall",
                    help="what the table and ratios use: wall time, or CPU time (user + sys, all threads; "
                    "steadier on a loaded machine)")
    ap.add_argument("--coremark", default="", metavar="DIR",
                    help="also run CoreMark: DIR/coremark.native and DIR/coremark.wasm (posix port, built by "
                    "hand as bench/RESULTS.md says); reports iterations per second. --only coremark: only it")
    ap.add_argument("--coremark-iterations", type=int, default=20000,
                    help="CoreMark iterations per run (default 20000: about 1 s natively)")
    ap.add_argument("--coremark-runs", type=int, default=3, help="counted CoreMark runs per runtime")
    args = ap.parse_args()
    if bool(args.wisp) == bool(args.wisp_cmd):
        ap.error("give exactly one of --wisp and --wisp-cmd")
    args.tier_list = [t for t in args.tiers.split(",") if t]
    if any(t not in TIERS for t in args.tier_list):
        ap.error("--tiers: each tier is one of " + ", ".join(TIERS))
    if args.tier_list and not args.wisp:
        ap.error("--tiers needs --wisp (it passes --tier to `wisp run`)")

    names = [n for n in SIZES if n in args.only.split(",") or
             (not args.only and (args.wasm30_programs or n not in OPT_IN))]
    unknown = set(args.only.split(",")) - set(SIZES) - {"", "coremark"}
    if unknown:
        log("unknown programs: " + ", ".join(sorted(unknown)))
        return 2
    if shutil.which(args.cc) is None:
        log(f"compiler {args.cc} not found")
        return 2
    out_dir = args.build_dir or tempfile.mkdtemp(prefix="wisp-bench-")
    os.makedirs(out_dir, exist_ok=True)
    try:
        return run_all(args, names, out_dir)
    finally:
        if not args.build_dir:
            shutil.rmtree(out_dir, ignore_errors=True)


def run_all(args, names, out_dir):
    built = build(args.cc, args.cxx, out_dir, names, shlex.split(args.cflags), args.simd128)
    measure = os.path.join(out_dir, "measure")
    if subprocess.run([args.cc, "-O2", os.path.join(HERE, "tools", "measure.c"), "-o", measure]).returncode:
        log("cannot build bench/tools/measure.c")
        return 2

    wisp_cmd = [os.path.abspath(args.wisp), "run"] if args.wisp else shlex.split(args.wisp_cmd)
    if args.tier_list:
        wisp_rts = [(f"wisp-{t}", wisp_cmd + ["--tier", t]) for t in args.tier_list]
    else:
        wisp_rts = [("wisp", wisp_cmd)]
    runtimes = [("native", None)] + wisp_rts
    if args.simd128:
        runtimes.append((SIMD_RT, wisp_rts[0][1]))
    if args.node:
        runtimes.append(("node", [args.node, "--no-warnings", os.path.abspath(NODE_RUNNER)]))
    if args.wasm3:
        runtimes.append(("wasm3", [args.wasm3]))
    if not args.no_env_runtimes:
        runtimes += parse_runtimes(os.environ.get("WISP_BENCH_RUNTIMES", ""))
    rt_names = [r[0] for r in runtimes]
    if len(set(rt_names)) != len(rt_names):
        log("two runtimes have the same name: " + ", ".join(rt_names))
        return 2
    wisp_names = [r[0] for r in wisp_rts] + ([SIMD_RT] if args.simd128 else [])
    ref = wisp_rts[0][0]
    metric = 0 if args.metric == "wall" else 2
    log("runtimes: " + ", ".join(f"{n}={' '.join(c) if c else '(native)'}" for n, c in runtimes))
    try:
        log("load average: %.2f %.2f %.2f, cpus: %d" % (*os.getloadavg(), os.cpu_count() or 0))
    except OSError:
        pass

    failures = 0
    rows = []  # (name, size, {runtime: (median time of the metric, median rss KiB)})
    for name in names:
        size = SIZES[name][1 if args.tiny else 0]
        nat, wasm, simd = built[name]
        prog_args = [] if name in STARTUP_ONLY else [str(size)]
        module = {rt: simd if rt == SIMD_RT else wasm for rt, _ in runtimes}
        wisp_flags = WISP_RUN_FLAGS.get(name, []) if args.wisp else []
        argvs = {rt: ([nat] if cmd is None else cmd + (wisp_flags if rt in wisp_names else []) +
                      [module[rt]]) + prog_args for rt, cmd in runtimes}
        walls = {rt: [] for rt in rt_names}
        cpus = {rt: [] for rt in rt_names}
        rss = {rt: [] for rt in rt_names}
        expected = None
        bad = set()
        runs = max(args.runs, args.startup_runs) if name in STARTUP_ONLY and not args.tiny else args.runs
        for i in range(args.warmup + runs):
            for rt in rt_names:  # alternate: native, wisp, others, native, wisp, ...
                if rt in bad:
                    continue
                wall, maxrss, cpu, code, out = run_once(measure, argvs[rt], args.timeout)
                if rt == "native" and expected is None:
                    expected = out
                if code != 0 or out != expected:
                    log(f"FAIL {name} under {rt}: exit {code}, output {out[:300]!r}, expected {expected!r}")
                    bad.add(rt)
                    failures += 1
                    continue
                if i >= args.warmup:
                    walls[rt].append(wall)
                    cpus[rt].append(cpu)
                    rss[rt].append(maxrss)
        times = walls if metric == 0 else cpus
        med = {rt: (statistics.median(times[rt]), statistics.median(rss[rt])) if walls[rt] else None
               for rt in rt_names}
        rows.append((name, size, med))
        log(f"{name:8} " + "  ".join(
            f"{rt} {statistics.median(walls[rt]) * 1000:.1f}ms wall {statistics.median(cpus[rt]) * 1000:.1f}ms cpu"
            if walls[rt] else f"{rt} FAIL" for rt in rt_names))

    if rows:
        print_table(rows, rt_names, ref, args.metric, args.markdown)
    if args.coremark:
        failures += run_coremark(args, measure, runtimes, ref, metric)
    return 1 if failures else 0


def print_lines(head, lines, markdown):
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for cells in lines:
            print("| " + " | ".join(cells) + " |")
    else:
        widths = [max(len(c[i]) for c in [head] + lines) for i in range(len(head))]
        for cells in [head] + lines:
            print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))))


def run_coremark(args, measure, runtimes, ref, metric):
    """CoreMark's performance run with a fixed iteration count under every runtime (but wisp+simd),
    alternated run by run. The output must have the native build's CRCs and no error but CoreMark's
    "at least 10 secs" (its reporting rule for a valid score; the default count runs about 1 s natively). Iterations per second are the count over the whole process's median time (of --metric);
    CoreMark's own figure (its wall clock around the timed part) is quoted too."""
    nat = os.path.join(args.coremark, "coremark.native")
    wasm = os.path.join(args.coremark, "coremark.wasm")
    for f in (nat, wasm):
        if not os.path.exists(f):
            log(f"--coremark: {f} is missing (see bench/RESULTS.md for how to build it)")
            return 1
    cm_args = COREMARK_SEEDS + [str(args.coremark_iterations)]
    rts = [(rt, cmd) for rt, cmd in runtimes if rt != SIMD_RT]
    argvs = {rt: ([nat] if cmd is None else cmd + [wasm]) + cm_args for rt, cmd in rts}
    times = {rt: [] for rt, _ in rts}
    own = {rt: [] for rt, _ in rts}
    expected = None
    bad = set()
    failures = 0
    for i in range(args.warmup + args.coremark_runs):
        for rt, _ in rts:
            if rt in bad:
                continue
            res = run_once(measure, argvs[rt], args.timeout)
            code, out = res[3], res[4].decode(errors="replace")
            crcs = re.findall(r"^\S*crc\S*\s*:\s*(0x[0-9a-f]+)", out, re.M)
            if expected is None and rt == "native":
                expected = crcs
            # Runs under 10 s get CoreMark's "Must execute for at least 10 secs" error (a reporting
            # rule, not a wrong result); any other ERROR line (a CRC) fails the run.
            errors = [ln for ln in out.splitlines() if "ERROR" in ln and "at least 10 secs" not in ln]
            if code != 0 or errors or not crcs or crcs != expected:
                log(f"FAIL coremark under {rt}: exit {code}, output {out[-400:]!r}")
                bad.add(rt)
                failures += 1
                continue
            if i >= args.warmup:
                times[rt].append(res[metric])
                m = re.search(r"^Iterations/Sec\s*:\s*([0-9.]+)", out, re.M)
                own[rt].append(float(m.group(1)) if m else float("nan"))
        if i >= args.warmup:
            log(f"coremark run {i + 1 - args.warmup}: " +
                "  ".join(f"{rt} {times[rt][-1]:.2f}s" for rt, _ in rts if times[rt]))
    rate = {rt: args.coremark_iterations / statistics.median(times[rt]) if times[rt] else None for rt, _ in rts}
    head = ["runtime", f"{args.metric} s", "iterations/s", "CoreMark's own it/s (wall)", "native/runtime"]
    cmp = [c for c in COMPARED if rate.get(c) and rate.get(ref)]
    lines = []
    for rt, _ in rts:
        if rate[rt] is None:
            lines.append([rt, "FAIL", "-", "-", "-"])
            continue
        lines.append([rt, f"{statistics.median(times[rt]):.2f}", f"{rate[rt]:.0f}",
                      f"{statistics.median(own[rt]):.0f}",
                      f"{rate['native'] / rate[rt]:.2f}" if rate.get("native") else "-"])
    print()
    print(f"CoreMark, {args.coremark_iterations} iterations, {args.coremark_runs} runs, medians of {args.metric} "
          "time of the whole process" + "".join(f"; {ref}/{c} time {rate[c] / rate[ref]:.2f}" for c in cmp))
    print_lines(head, lines, args.markdown)
    return failures


def print_table(rows, rt_names, ref, metric, markdown):
    others = [rt for rt in rt_names if rt != "native"]
    cmp = [c for c in COMPARED if c in rt_names and ref in rt_names]
    head = ["program", "size"] + [f"{rt} ms" for rt in rt_names] + [f"{rt}/native" for rt in others]
    head += [f"{ref}/{c}" for c in cmp]
    if SIMD_RT in rt_names:
        head.append("simd/scalar")
    head += [f"{rt} RSS MiB" for rt in rt_names]
    lines = []
    ratios = {rt: [] for rt in others}
    cmp_ratios = {c: [] for c in cmp}
    simd_ratios = []
    for name, size, med in rows:
        cells = [name, str(size)]
        cells += [f"{med[rt][0] * 1000:.1f}" if med[rt] else "FAIL" for rt in rt_names]
        for rt in others:
            if med[rt] and med["native"]:
                r = med[rt][0] / med["native"][0]
                cells.append(f"{r:.2f}")
                if name not in STARTUP_ONLY and name not in OPT_IN:
                    ratios[rt].append(r)
            else:
                cells.append("-")
        for c in cmp:
            if med[ref] and med[c]:
                r = med[ref][0] / med[c][0]
                cells.append(f"{r:.2f}")
                if name not in STARTUP_ONLY and name not in OPT_IN:
                    cmp_ratios[c].append(r)
            else:
                cells.append("-")
        if SIMD_RT in rt_names:
            if med[ref] and med[SIMD_RT]:
                r = med[SIMD_RT][0] / med[ref][0]
                cells.append(f"{r:.2f}")
                if name not in STARTUP_ONLY and name not in OPT_IN:
                    simd_ratios.append(r)
            else:
                cells.append("-")
        cells += [f"{med[rt][1] / 1024:.1f}" if med[rt] else "-" for rt in rt_names]
        lines.append(cells)
    foot = ["geomean (compute)", ""] + [""] * len(rt_names)
    foot += [fmt_ratio(geomean(ratios[rt])) for rt in others]
    foot += [fmt_ratio(geomean(cmp_ratios[c])) for c in cmp]
    if SIMD_RT in rt_names:
        foot.append(fmt_ratio(geomean(simd_ratios)))
    foot += [""] * len(rt_names)
    lines.append(foot)
    print(f"times: median {metric} time of the whole process" +
          (" (user + sys, all threads)" if metric == "cpu" else ""))
    print_lines(head, lines, markdown)


if __name__ == "__main__":
    sys.exit(main())
