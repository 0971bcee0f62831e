// Shared helpers for the wisp benchmark programs: argument parsing and a deterministic PRNG, so the
// native and wasm32-wasi builds compute (and print) the same checksum.
#pragma once
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static inline long bench_size(int argc, char** argv, long fallback) {
  return argc > 1 ? strtol(argv[1], NULL, 10) : fallback;
}

// xorshift64*: fast, fully specified, identical on every target.
static uint64_t bench_rng_state = 0x9E3779B97F4A7C15ull;
static inline uint64_t bench_rand(void) {
  uint64_t x = bench_rng_state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  bench_rng_state = x;
  return x * 0x2545F4914F6CDD1Dull;
}
