// A bytecode interpreter written in C: a small stack machine (switch dispatch) running a loop that sums
// a polynomial over a counter and calls a subroutine, the shape of scripting-language inner loops.
#include "bench_common.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, JNZ, JMP, LT, CALL, RET, DUP, POP, HALT };

typedef struct { uint8_t op; int32_t arg; } Insn;

static int64_t run(const Insn* code, int64_t* vars) {
  int64_t stack[64];
  int ret_stack[16];
  int sp = 0, rsp = 0, pc = 0;
  for (;;) {
    Insn in = code[pc++];
    switch (in.op) {
      case PUSH: stack[sp++] = in.arg; break;
      case LOAD: stack[sp++] = vars[in.arg]; break;
      case STORE: vars[in.arg] = stack[--sp]; break;
      case ADD: sp--; stack[sp - 1] += stack[sp]; break;
      case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
      case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
      case MOD: sp--; stack[sp - 1] %= stack[sp]; break;
      case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
      case JNZ: if (stack[--sp]) pc = in.arg; break;
      case JMP: pc = in.arg; break;
      case CALL: ret_stack[rsp++] = pc; pc = in.arg; break;
      case RET: pc = ret_stack[--rsp]; break;
      case DUP: stack[sp] = stack[sp - 1]; sp++; break;
      case POP: sp--; break;
      case HALT: return vars[1];
    }
  }
}

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 3000000);
  // vars: 0 = i, 1 = acc, 2 = n
  const Insn code[] = {
      /* 0 */ {PUSH, 0}, {STORE, 0},
      /* 2 loop: */ {LOAD, 0}, {LOAD, 2}, {LT, 0}, {JNZ, 7}, {HALT, 0},
      /* 7 */ {LOAD, 0}, {DUP, 0}, {MUL, 0}, {LOAD, 0}, {PUSH, 3}, {MUL, 0}, {ADD, 0}, {PUSH, 1000003},
      /* 15 */ {MOD, 0}, {LOAD, 1}, {ADD, 0}, {STORE, 1}, {CALL, 26},
      /* 20 */ {LOAD, 0}, {PUSH, 1}, {ADD, 0}, {STORE, 0}, {JMP, 2}, {HALT, 0},
      /* 26 sub: acc = acc * 7 % 1000000007 */ {LOAD, 1}, {PUSH, 7}, {MUL, 0}, {PUSH, 1000000007}, {MOD, 0},
      /* 31 */ {STORE, 1}, {RET, 0}};
  int64_t vars[3] = {0, 1, n};
  int64_t r = run(code, vars);
  printf("vm checksum %lld\n", (long long)r);
  return 0;
}
