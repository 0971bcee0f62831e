#!/bin/sh
# Packaging (DESIGN.md §11, issue 18): wisp as an embedder meets it.
#   run-package-tests.sh install BUILD_DIR   `cmake --install` into a scratch prefix, then a C++ consumer
#                                            with find_package(wisp) (shared and static) and a C consumer
#                                            with pkg-config against libwisp.so; each must build and run.
#   run-package-tests.sh subdir SOURCE_DIR   a consumer that add_subdirectory()s wisp with default options:
#                                            it builds, runs, and its ctest lists none of wisp's tests.
set -eu
MODE=${1:?usage: run-package-tests.sh install BUILD_DIR | subdir SOURCE_DIR}
DIR=$(realpath "${2:?}")
HERE=$(dirname "$(realpath "$0")")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
expect_output() {  # expect_output LABEL COMMAND...: the consumer prints its result and wisp's version
  out=$("$@")
  echo "$1: $out"
  printf '%s' "$out" | grep -q "= 42 with wisp [0-9]" || { echo "FAIL $1: unexpected output"; exit 1; }
}
case "$MODE" in
  install)
    cmake --install "$DIR" --prefix "$T/prefix" >/dev/null
    for f in include/wisp/wisp.h include/wisp/version.h include/wasm.h include/wisp.h lib/libwisp.a \
             lib/cmake/wisp/wispConfig.cmake lib/cmake/wisp/wispConfigVersion.cmake lib/pkgconfig/wisp.pc bin/wisp; do
      [ -e "$T/prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
    done
    soname=$(readelf -d "$T/prefix/lib/libwisp.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
    case "$soname" in (libwisp.so.[0-9]*) echo "SONAME $soname" ;; (*) echo "FAIL: SONAME '$soname'"; exit 1 ;; esac
    [ "$("$T/prefix/bin/wisp" --version)" = "wisp $(sed -n 's/#define WISP_VERSION_STRING "\(.*\)"/\1/p' \
        "$T/prefix/include/wisp/version.h")" ] || { echo "FAIL: wisp --version disagrees with version.h"; exit 1; }
    cmake -S "$HERE/cpp" -B "$T/cpp" -G Ninja -DCMAKE_PREFIX_PATH="$T/prefix" >/dev/null
    cmake --build "$T/cpp" >/dev/null
    expect_output "$T/cpp/consumer"
    expect_output "$T/cpp/consumer_static"
    # The shared consumer really links libwisp.so (CMake gives it a RUNPATH to the prefix).
    readelf -d "$T/cpp/consumer" | grep -q 'NEEDED.*libwisp.so' || { echo "FAIL: consumer does not use libwisp.so"; exit 1; }
    PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig" pkg-config --exists wisp
    # shellcheck disable=SC2046
    cc -std=c11 -Wall -Werror "$HERE/c/main.c" -o "$T/c_consumer" \
      $(PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig" pkg-config --cflags --libs wisp)
    LD_LIBRARY_PATH="$T/prefix/lib" expect_output "$T/c_consumer" ;;
  subdir)
    cmake -S "$HERE/subdir" -B "$T/sub" -G Ninja -DWISP_SOURCE_DIR="$DIR" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_COMPILER="${CXX:-c++}" >/dev/null
    cmake --build "$T/sub" >/dev/null
    expect_output "$T/sub/consumer"
    n=$(ctest --test-dir "$T/sub" -N | sed -n 's/^Total Tests: //p')
    [ "$n" = 1 ] || { echo "FAIL: the consumer's ctest lists $n tests (wisp's own leaked in)"; exit 1; }
    for t in wisp wisp_unit_tests plugin-host; do
      [ ! -e "$T/sub/wisp/$t" ] || { echo "FAIL: add_subdirectory built $t"; exit 1; }
    done ;;
  *) echo "unknown mode $MODE" >&2; exit 2 ;;
esac
echo "package $MODE ok"
