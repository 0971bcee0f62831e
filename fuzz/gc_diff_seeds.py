#!/usr/bin/env python3
"""Seeds for fuzz/gc_diff.sh: the modules of spec test scripts, as .wat files binaryen can read.

    gc_diff_seeds.py OUT_DIR SCRIPT.wast...

Writes each top-level (module ...) form of the scripts that imports nothing (binaryen's fuzzer keeps a
seed's imports, and the spec scripts import from "spectest" or each other), is no binary or quoted
module and avoids a known binaryen difference (below) into OUT_DIR/NAME_K.wat. gc_diff.sh converts them with wasm-opt and passes one as -ttf's initial
content (--initial-fuzz) in half of its rounds: the fuzzer then builds on the spec's GC code (its casts,
subtyping chains, array copies) instead of starting from nothing.
"""
import os
import re
import sys


def top_level_forms(text):
    """Yields the text of each top-level parenthesised form, skipping comments and strings."""
    i, n, depth, start = 0, len(text), 0, 0
    while i < n:
        if text.startswith(';;', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('(;', i):
            j = text.find(';)', i)
            i = n if j < 0 else j + 2
            continue
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        if c == '(':
            if depth == 0:
                start = i
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                yield text[start:i + 1]
        i += 1


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = 0
    for path in sys.argv[2:]:
        base = os.path.basename(path).rsplit('.', 1)[0]
        with open(path, encoding='utf-8') as f:
            text = f.read()
        k = 0
        for form in top_level_forms(text):
            head = re.match(r'\(module(\s+\$\S+)?\s*(\S+)', form)
            if not head or head.group(2) in ('binary', 'quote', 'definition') or '(import' in form:
                continue
            # binaryen's interpreter evaluates an element segment's expressions again at each
            # array.new_elem / array.init_elem, so objects the segment allocates are new each time (the
            # spec: evaluated once, at instantiation; array_new_elem.wast's last module tests it). A
            # known binaryen limitation, not wisp's: such seeds would only repeat that mismatch.
            if ('array.new_elem' in form or 'array.init_elem' in form) and \
                    re.search(r'\(item\s*\((struct|array)\.new', form):
                continue
            k += 1
            with open(os.path.join(out, f'{base}_{k}.wat'), 'w', encoding='utf-8') as f:
                f.write(form + '\n')
            written += 1
    print(f'{written} seed modules')


if __name__ == '__main__':
    main()
