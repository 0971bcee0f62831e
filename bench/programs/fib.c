// Calls and recursion: naive Fibonacci, Ackermann and a mutually recursive pair (call/return cost).
#include "bench_common.h"

__attribute__((noinline)) static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

__attribute__((noinline)) static uint32_t ack(uint32_t m, uint32_t n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

__attribute__((noinline)) static int is_odd(uint32_t n);
__attribute__((noinline)) static int is_even(uint32_t n) { return n == 0 ? 1 : is_odd(n - 1); }
__attribute__((noinline)) static int is_odd(uint32_t n) { return n == 0 ? 0 : is_even(n - 1); }

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 32);
  uint32_t sum = fib((uint32_t)n);
  sum = sum * 31 + ack(2, (uint32_t)n * 4);
  for (uint32_t i = 0; i < (uint32_t)n * 200; i++) sum += (uint32_t)is_even(i % 1000);
  printf("fib checksum %u\n", sum);
  return 0;
}
