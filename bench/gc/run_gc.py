#!/usr/bin/env python3
"""GC benchmarks (bench/gc/*.wat): wisp (tiers auto, interp, jit) against Node, alternating run by run.

Assembles each .wat with binaryen's wasm-as (run through node), so every runtime runs the same binary,
then runs `wisp run [--tier T] --invoke run FILE.wasm ARGS` and `node node_run.mjs FILE.wasm run ARGS`
under /usr/bin/time. Prints per program and runtime the medians of wall time, user+sys CPU time, peak
RSS and the program's output, and the CPU-time ratio wisp/Node. Outputs must match the expected
checksums (pause prints its longest iteration in microseconds instead; it verifies itself and traps).

  bench/gc/run_gc.py --wisp build/wisp --node /tmp/node26/bin/node \
      --wasm-as /tmp/binaryen-npm/node_modules/binaryen/bin/wasm-as [--runs 5] [--tiny]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# (label, program, full args, tiny args, expected output for full, for tiny; None: not a checksum)
CASES = [
    ("alloc", "alloc", ["50000000"], ["100000"], "54168395108231104", "1104511577776"),
    ("binary_trees", "binary_trees", ["16"], ["10"], "14985902", "135854"),
    ("pause live=100MiB", "pause", ["100", "20000"], ["4", "100"], None, None),
    ("pause live=0", "pause", ["0", "20000"], ["0", "100"], None, None),
]


def time_run(argv):
    with tempfile.NamedTemporaryFile(mode="r") as f:
        r = subprocess.run(["/usr/bin/time", "-o", f.name, "-f", "%e %U %S %M"] + argv,
                           capture_output=True, text=True)
        wall, user, sys_, rss = f.read().split()[-4:]
    return r.returncode, r.stdout.strip(), float(wall), float(user) + float(sys_), int(rss), r.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wisp", required=True)
    ap.add_argument("--node", required=True)
    ap.add_argument("--wasm-as", required=True, help="binaryen's wasm-as (a node script or a binary)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--tiers", default="auto,interp,jit")
    args = ap.parse_args()

    out = tempfile.mkdtemp(prefix="wisp-gcbench-")
    wasm = {}
    for prog in sorted({c[1] for c in CASES}):
        wasm[prog] = os.path.join(out, prog + ".wasm")
        cmd = [args.wasm_as, "--all-features", os.path.join(HERE, prog + ".wat"), "-o", wasm[prog]]
        if not os.access(args.wasm_as, os.X_OK) or args.wasm_as.endswith((".js", "wasm-as")):
            cmd = [args.node] + cmd
        subprocess.run(cmd, check=True)
    runtimes = [(f"wisp-{t}", [args.wisp, "run", "--tier", t, "--invoke", "run"])
                for t in args.tiers.split(",")]
    runtimes.append(("node", [args.node, os.path.join(HERE, "node_run.mjs")]))
    print("load average: %.2f %.2f %.2f, cpus: %d" % (*os.getloadavg(), os.cpu_count()), file=sys.stderr)

    failures = 0
    res = {}  # (case, runtime) -> list of (wall, cpu, rss, output)
    for i in range(args.warmup + args.runs):
        for label, prog, full, tiny, exp_full, exp_tiny in CASES:
            a = tiny if args.tiny else full
            expect = exp_tiny if args.tiny else exp_full
            for name, base in runtimes:
                argv = base + [wasm[prog]] + (["run"] if name == "node" else []) + a
                rc, text, wall, cpu, rss, err = time_run(argv)
                if rc != 0 or (expect is not None and text != expect):
                    failures += 1
                    print(f"FAIL {label} {name}: rc={rc} out={text!r} {err[-500:]}", file=sys.stderr)
                if i >= args.warmup:
                    res.setdefault((label, name), []).append((wall, cpu, rss, text))
        print(f"round {i + 1} done", file=sys.stderr, flush=True)

    print("| program | runtime | wall s | CPU s | peak RSS MiB | output | CPU ratio wisp/node |")
    print("|---|---|---|---|---|---|---|")
    for label, *_ in CASES:
        node_cpu = statistics.median(r[1] for r in res[(label, "node")])
        for name, _ in runtimes:
            rs = res[(label, name)]
            wall = statistics.median(r[0] for r in rs)
            cpu = statistics.median(r[1] for r in rs)
            rss = statistics.median(r[2] for r in rs) / 1024
            outs = [r[3] for r in rs]
            shown = outs[0] if len(set(outs)) == 1 else \
                "median %g (%s)" % (statistics.median(float(o) for o in outs if o), ", ".join(outs))
            ratio = "-" if name == "node" else f"{cpu / node_cpu:.2f}"
            print(f"| {label} | {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {shown} | {ratio} |")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
