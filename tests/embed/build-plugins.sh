#!/usr/bin/env bash
# Compiles the guest plugins of examples/plugins/*.c for wasm32-wasi into OUTDIR (one NAME.wasm each):
# the plugin folder the plugin-host, embedding and Emacs tests load.
#
#   build-plugins.sh OUTDIR
set -eu
OUT=$1
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../../examples/plugins" && pwd)
CC=${WASI_CC:-clang-19}
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "FAIL: $CC not found; install clang-19, lld-19, wasi-libc and libclang-rt-19-dev-wasm32" >&2
  exit 1
fi
rm -rf "$OUT"
mkdir -p "$OUT"
for c in "$SRC"/*.c; do
  name=$(basename "$c" .c)
  "$CC" --target=wasm32-wasi -O2 -Wall -Wextra -Werror "$c" -o "$OUT/$name.wasm"
  echo "built $name.wasm"
done
# Not a module: the hosts must skip it with a message and load the others.
printf 'not wasm' >"$OUT/broken.wasm"
