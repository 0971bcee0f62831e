#!/usr/bin/env python3
"""Writes the large start-up test module of issue 5 ("a 30 MB module reaches _start in < 0.3 s").

N exported functions f0..f(N-1), each shaped like the micro-benchmark's large module
(bench/micro/micro_bench.cc, large_module_wat): locals, arithmetic, loads/stores with offsets, a loop
with compare+branch, if/else, select, br_table, a global and a direct call of the previous function.
The binary is encoded directly (no wat2wasm needed); `--wat` writes the same module as text instead,
which `wat2wasm` encodes to the identical bytes.

  bench/tools/big_module.py /tmp/big.wasm                 # 177,000 functions, 31.4 MB
  bench/tools/big_module.py --funcs 270000 /tmp/big47.wasm  # 47.9 MB (more functions and exports)
  wisp run --invoke f5 /tmp/big.wasm 3 2                  # what the start-up figure measures
"""

import argparse
import sys


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def sleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if (n == 0 and not b & 0x40) or (n == -1 and b & 0x40):
            out.append(b)
            return bytes(out)
        out.append(b | 0x80)


def section(sid, payload):
    return bytes([sid]) + uleb(len(payload)) + payload


# Opcodes used by the body.
BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, CALL = 0x02, 0x03, 0x04, 0x05, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10
SELECT, LGET, LSET, GGET, GSET = 0x1B, 0x20, 0x21, 0x23, 0x24
I32_LOAD, I32_STORE, I32_CONST = 0x28, 0x36, 0x41
I32_EQZ, I32_GT_S, I32_GE_U = 0x45, 0x4A, 0x4F
I32_ADD, I32_MUL, I32_AND, I32_XOR, I32_SHR_U = 0x6A, 0x6C, 0x71, 0x73, 0x76
I64_ADD, F64_ADD, I32_WRAP_I64, F64_CONVERT_I32_S, I64_EXTEND_I32_U = 0x7C, 0xA0, 0xA7, 0xB7, 0xAD
EMPTY = 0x40
A, B, I, ACC, X, D = range(6)  # local indices: params a, b; locals i, acc (i32), x (i64), d (f64)


def body(i):
    callee = i - 1 if i > 0 else 0
    c = bytearray()
    c += bytes([LGET, A, I32_CONST]) + sleb(i) + bytes([I32_ADD, LSET, ACC])
    c += bytes([BLOCK, EMPTY, LOOP, EMPTY])
    c += bytes([LGET, I, LGET, B, I32_GE_U, BR_IF, 1])
    c += bytes([LGET, ACC, I32_CONST]) + sleb(31) + bytes([I32_MUL, LGET, I, I32_CONST]) + sleb(1020)
    c += bytes([I32_AND, I32_LOAD, 2, 16, I32_XOR, LSET, ACC])
    c += bytes([LGET, ACC, I32_CONST]) + sleb(1020) + bytes([I32_AND, LGET, ACC, I32_STORE, 2, 8])
    c += bytes([LGET, X, LGET, ACC, I64_EXTEND_I32_U, I64_ADD, LSET, X])
    c += bytes([LGET, D, LGET, I, F64_CONVERT_I32_S, F64_ADD, LSET, D])
    c += bytes([LGET, I, I32_CONST, 1, I32_ADD, LSET, I])
    c += bytes([BR, 0, END, END])
    c += bytes([LGET, ACC, I32_CONST]) + sleb(100) + bytes([I32_GT_S, IF, EMPTY])
    c += bytes([LGET, ACC, I32_CONST, 3, I32_SHR_U, LSET, ACC, ELSE])
    c += bytes([LGET, A, LGET, B, LGET, ACC, SELECT, LSET, ACC, END])
    c += bytes([BLOCK, EMPTY, BLOCK, EMPTY, BLOCK, EMPTY])
    c += bytes([LGET, ACC, I32_CONST, 3, I32_AND, BR_TABLE, 2, 0, 1, 2, END])
    c += bytes([GGET, 0, I32_CONST, 1, I32_ADD, GSET, 0, END])
    c += bytes([LGET, ACC, LGET, X, I32_WRAP_I64, I32_ADD, LSET, ACC, END])
    c += bytes([LGET, B, I32_EQZ, IF, EMPTY, LGET, ACC, RETURN, END])
    c += bytes([LGET, ACC, LGET, ACC, I32_CONST, 0, CALL]) + uleb(callee) + bytes([I32_ADD, END])
    locals = bytes([3, 2, 0x7F, 1, 0x7E, 1, 0x7C])  # 2 x i32, 1 x i64, 1 x f64
    entry = locals + bytes(c)
    return uleb(len(entry)) + entry


def module(n):
    out = bytearray(b"\0asm\1\0\0\0")
    out += section(1, uleb(1) + bytes([0x60, 2, 0x7F, 0x7F, 1, 0x7F]))
    out += section(3, uleb(n) + bytes(n))
    out += section(5, bytes([1, 0, 1]))
    out += section(6, bytes([1, 0x7F, 1, I32_CONST, 0, END]))
    exports = bytearray(uleb(n))
    for i in range(n):
        name = b"f%d" % i
        exports += uleb(len(name)) + name + bytes([0]) + uleb(i)
    out += section(7, bytes(exports))
    code = bytearray(uleb(n))
    for i in range(n):
        code += body(i)
    out += section(10, bytes(code))
    return bytes(out)


def module_wat(n):
    parts = ["(module (memory 1) (global $g (mut i32) (i32.const 0))\n"]
    for i in range(n):
        callee = i - 1 if i > 0 else 0
        parts.append(
            f'(func $f{i} (export "f{i}") (param $a i32) (param $b i32) (result i32)'
            " (local $i i32) (local $acc i32) (local $x i64) (local $d f64)\n"
            f"  (local.set $acc (i32.add (local.get $a) (i32.const {i})))\n"
            "  (block $exit (loop $top\n"
            "    (br_if $exit (i32.ge_u (local.get $i) (local.get $b)))\n"
            "    (local.set $acc (i32.xor (i32.mul (local.get $acc) (i32.const 31))"
            " (i32.load offset=16 (i32.and (local.get $i) (i32.const 1020)))))\n"
            "    (i32.store offset=8 (i32.and (local.get $acc) (i32.const 1020)) (local.get $acc))\n"
            "    (local.set $x (i64.add (local.get $x) (i64.extend_i32_u (local.get $acc))))\n"
            "    (local.set $d (f64.add (local.get $d) (f64.convert_i32_s (local.get $i))))\n"
            "    (local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
            "    (br $top)))\n"
            "  (if (i32.gt_s (local.get $acc) (i32.const 100))\n"
            "    (then (local.set $acc (i32.shr_u (local.get $acc) (i32.const 3))))\n"
            "    (else (local.set $acc (select (local.get $a) (local.get $b) (local.get $acc)))))\n"
            "  (block $b2 (block $b1 (block $b0\n"
            "    (br_table $b0 $b1 $b2 (i32.and (local.get $acc) (i32.const 3))))\n"
            "    (global.set $g (i32.add (global.get $g) (i32.const 1))))\n"
            "    (local.set $acc (i32.add (local.get $acc) (i32.wrap_i64 (local.get $x)))))\n"
            "  (if (i32.eqz (local.get $b)) (then (return (local.get $acc))))\n"
            f"  (i32.add (local.get $acc) (call $f{callee} (local.get $acc) (i32.const 0))))\n")
    parts.append(")\n")
    return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="output file")
    ap.add_argument("--funcs", type=int, default=177000, help="number of functions (default 177000: 31.4 MB)")
    ap.add_argument("--wat", action="store_true", help="write the text format instead of the binary")
    args = ap.parse_args()
    if args.wat:
        with open(args.out, "w") as f:
            f.write(module_wat(args.funcs))
    else:
        with open(args.out, "wb") as f:
            f.write(module(args.funcs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
