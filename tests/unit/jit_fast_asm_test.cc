// The JIT's direct encodings (src/jit/fast_asm.h) against Xbyak's, byte for byte: every general register
// at both widths, every base and index register, each scale, and displacements of each size class.
#if WISP_HAVE_JIT

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "jit/fast_asm.h"

namespace wisp {
namespace {

using Xbyak::Operand;

// The two assemblers, reused (reset) for every check.
struct Pair {
  uint8_t fast_buf[64];
  uint8_t ref_buf[64];
  jit::FastAssembler fast{sizeof(fast_buf), fast_buf};
  Xbyak::CodeGenerator ref{sizeof(ref_buf), ref_buf};
};
Pair& pair() {
  static Pair p;
  p.fast.reset();
  p.ref.reset();
  return p;
}

std::string hex(const uint8_t* p, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    char b[4];
    std::snprintf(b, sizeof(b), "%02x ", p[i]);
    s += b;
  }
  return s;
}

size_t g_checked = 0;

// Both must throw, or both encode the same bytes.
void check(const std::function<void(jit::FastAssembler&)>& fast, const std::function<void(Xbyak::CodeGenerator&)>& ref,
           const std::string& what) {
  Pair& p = pair();
  bool fast_threw = false, ref_threw = false;
  try {
    fast(p.fast);
  } catch (const Xbyak::Error&) {
    fast_threw = true;
  }
  try {
    ref(p.ref);
  } catch (const Xbyak::Error&) {
    ref_threw = true;
  }
  ASSERT_EQ(fast_threw, ref_threw) << what;
  if (fast_threw) return;
  if (p.fast.getSize() != p.ref.getSize() || std::memcmp(p.fast.getCode(), p.ref.getCode(), p.ref.getSize()) != 0) {
    ASSERT_EQ(hex(p.fast.getCode(), p.fast.getSize()), hex(p.ref.getCode(), p.ref.getSize())) << what;
  }
  ++g_checked;
}

std::vector<Xbyak::Reg> gprs(int bit) {
  std::vector<Xbyak::Reg> r;
  for (int i = 0; i < 16; ++i) r.emplace_back(bit == 64 ? Xbyak::Reg(Xbyak::Reg64(i)) : Xbyak::Reg(Xbyak::Reg32(i)));
  return r;
}

std::vector<Xbyak::Address> addresses() {
  std::vector<Xbyak::Address> out;
  const int64_t disps[] = {0, 1, 0x7F, 0x80, -0x80, -0x81, 0x1234, 0x7FFFFFFF, -0x80000000LL};
  for (int b = 0; b < 16; ++b) {
    Xbyak::Reg64 base(b);
    for (int64_t d : disps) {
      out.push_back(Xbyak::util::qword[base + d]);
      out.push_back(Xbyak::util::dword[base + d]);
      for (int x : {0, 3, 5, 8, 12, 13, 15}) {  // low, high (REX.X), and the rbp/r12/r13 encodings; not rsp
        Xbyak::Reg64 index(x);
        for (int scale : {1, 2, 4, 8}) {
          if (d != 0 && d != 0x80 && d != -0x81) continue;  // the disp classes are covered above
          out.push_back(Xbyak::util::qword[base + index * scale + d]);
        }
      }
    }
  }
  return out;
}

TEST(JitFastAsm, RegisterRegisterForms) {
  using FastRR = void (jit::FastAssembler::*)(const Operand&, const Operand&);
  struct Op {
    const char* name;
    FastRR fast;
    std::function<void(Xbyak::CodeGenerator&, const Operand&, const Operand&)> ref;
  };
  const Op ops[] = {
      {"mov", &jit::FastAssembler::mov, [](Xbyak::CodeGenerator& g, const Operand& a, const Operand& b) { g.mov(a, b); }},
      {"add", &jit::FastAssembler::add, [](Xbyak::CodeGenerator& g, const Operand& a, const Operand& b) { g.add(a, b); }},
      {"sub", &jit::FastAssembler::sub, [](Xbyak::CodeGenerator& g, const Operand& a, const Operand& b) { g.sub(a, b); }},
      {"and", &jit::FastAssembler::and_, [](Xbyak::CodeGenerator& g, const Operand& a, const Operand& b) { g.and_(a, b); }},
      {"or", &jit::FastAssembler::or_, [](Xbyak::CodeGenerator& g, const Operand& a, const Operand& b) { g.or_(a, b); }},
      {"xor", &jit::FastAssembler::xor_, [](Xbyak::CodeGenerator& g, const Operand& a, const Operand& b) { g.xor_(a, b); }},
      {"cmp", &jit::FastAssembler::cmp, [](Xbyak::CodeGenerator& g, const Operand& a, const Operand& b) { g.cmp(a, b); }},
  };
  std::vector<Xbyak::Address> mems = addresses();
  for (const Op& op : ops) {
    for (int bit : {32, 64}) {
      for (const Xbyak::Reg& a : gprs(bit)) {
        for (const Xbyak::Reg& b : gprs(bit))
          check([&](jit::FastAssembler& g) { (g.*op.fast)(a, b); }, [&](Xbyak::CodeGenerator& g) { op.ref(g, a, b); },
                std::string(op.name) + " " + a.toString() + ", " + std::string(b.toString()));
        for (const Xbyak::Address& m : mems) {
          check([&](jit::FastAssembler& g) { (g.*op.fast)(a, m); }, [&](Xbyak::CodeGenerator& g) { op.ref(g, a, m); },
                std::string(op.name) + " reg, mem");
          check([&](jit::FastAssembler& g) { (g.*op.fast)(m, a); }, [&](Xbyak::CodeGenerator& g) { op.ref(g, m, a); },
                std::string(op.name) + " mem, reg");
        }
      }
    }
  }
  // Forms left to Xbyak still come out as Xbyak's: 8- and 16-bit registers, moves between widths.
  check([](jit::FastAssembler& g) { g.mov(Xbyak::util::al, Xbyak::util::cl); },
        [](Xbyak::CodeGenerator& g) { g.mov(Xbyak::util::al, Xbyak::util::cl); }, "mov al, cl");
  check([](jit::FastAssembler& g) { g.mov(Xbyak::util::ax, Xbyak::util::word[Xbyak::util::rbx + 8]); },
        [](Xbyak::CodeGenerator& g) { g.mov(Xbyak::util::ax, Xbyak::util::word[Xbyak::util::rbx + 8]); }, "mov ax, [rbx+8]");
  check([](jit::FastAssembler& g) { g.mov(Xbyak::util::byte[Xbyak::util::r12 + 8], Xbyak::util::sil); },
        [](Xbyak::CodeGenerator& g) { g.mov(Xbyak::util::byte[Xbyak::util::r12 + 8], Xbyak::util::sil); }, "mov [r12+8], sil");
  check([](jit::FastAssembler& g) { g.mov(Xbyak::util::rax, Xbyak::util::ecx); },
        [](Xbyak::CodeGenerator& g) { g.mov(Xbyak::util::rax, Xbyak::util::ecx); }, "mov rax, ecx");
  EXPECT_GT(g_checked, 100000u);  // most forms encodable (the rest throw in both)
}

TEST(JitFastAsm, LeaAndImmediateForms) {
  std::vector<Xbyak::Address> mems = addresses();
  for (int bit : {32, 64}) {
    for (const Xbyak::Reg& a : gprs(bit)) {
      for (const Xbyak::Address& m : mems)
        check([&](jit::FastAssembler& g) { g.lea(a, m); }, [&](Xbyak::CodeGenerator& g) { g.lea(a, m); }, "lea");
      const uint32_t imms[] = {0, 1, 0x7F, 0x80, 0xFFFFFF80, 0xFFFFFF7F, 0x7FFF, 0x8000, 0xFFFF8000, 0x12345678, 0xFFFFFFFF};
      for (uint32_t imm : imms) {
        std::string what = std::string(a.toString()) + ", " + std::to_string(imm);
        check([&](jit::FastAssembler& g) { g.add(a, imm); }, [&](Xbyak::CodeGenerator& g) { g.add(a, imm); }, "add " + what);
        check([&](jit::FastAssembler& g) { g.or_(a, imm); }, [&](Xbyak::CodeGenerator& g) { g.or_(a, imm); }, "or " + what);
        check([&](jit::FastAssembler& g) { g.and_(a, imm); }, [&](Xbyak::CodeGenerator& g) { g.and_(a, imm); }, "and " + what);
        check([&](jit::FastAssembler& g) { g.sub(a, imm); }, [&](Xbyak::CodeGenerator& g) { g.sub(a, imm); }, "sub " + what);
        check([&](jit::FastAssembler& g) { g.xor_(a, imm); }, [&](Xbyak::CodeGenerator& g) { g.xor_(a, imm); }, "xor " + what);
        check([&](jit::FastAssembler& g) { g.cmp(a, imm); }, [&](Xbyak::CodeGenerator& g) { g.cmp(a, imm); }, "cmp " + what);
      }
    }
  }
  // Memory with an immediate stays Xbyak's.
  check([](jit::FastAssembler& g) { g.cmp(Xbyak::util::qword[Xbyak::util::rbx + 8], 0); },
        [](Xbyak::CodeGenerator& g) { g.cmp(Xbyak::util::qword[Xbyak::util::rbx + 8], 0); }, "cmp qword [rbx+8], 0");
}

// The buffer's end: an instruction that does not fit throws as Xbyak's would.
TEST(JitFastAsm, FullBufferThrows) {
  uint8_t buf[3];
  jit::FastAssembler g(sizeof(buf), buf);
  EXPECT_THROW(g.mov(Xbyak::util::rax, Xbyak::util::qword[Xbyak::util::rbx + 0x1000]), Xbyak::Error);
}

}  // namespace
}  // namespace wisp

#endif
