#!/bin/sh
# Installs what the tests need (Debian), builds the release preset and runs every test.
set -eu
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ "${WISP_SKIP_APT:-0}" != 1 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq cmake ninja-build clang-19 lld-19 g++ \
    libgtest-dev libgmock-dev wabt wasi-libc libclang-rt-19-dev-wasm32 libclang-rt-19-dev >/dev/null
fi
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release -j2
