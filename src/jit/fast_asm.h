// The JIT's assembler (DESIGN.md §10): Xbyak, with the forms the baseline compiler emits most (moves
// between general registers and memory, lea, and/or/add/sub/xor/cmp) encoded here directly. Xbyak's
// general operand checks cost ~300 instructions per instruction emitted, most of a module's JIT compile
// time (issue 17); these paths encode the same bytes as Xbyak does (tests/unit/jit_fast_asm_test.cc
// compares them over every register, base, index, scale and displacement class) and hand every other
// form to Xbyak.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#ifndef XBYAK_NO_OP_NAMES
#define XBYAK_NO_OP_NAMES
#endif
#include <xbyak/xbyak.h>

namespace wisp::jit {

class FastAssembler : public Xbyak::CodeGenerator {
 public:
  FastAssembler(size_t size, void* buffer) : Xbyak::CodeGenerator(size, buffer) {}

  using CodeGenerator::add;
  using CodeGenerator::and_;
  using CodeGenerator::cmp;
  using CodeGenerator::lea;
  using CodeGenerator::mov;
  using CodeGenerator::or_;
  using CodeGenerator::sub;
  using CodeGenerator::xor_;
  void mov(const Xbyak::Operand& a, const Xbyak::Operand& b) {
    if (!fast_rm(a, b, 0x88)) CodeGenerator::mov(a, b);
  }
  void lea(const Xbyak::Reg& r, const Xbyak::Address& m) {
    if (!fast_rm(r, m, kLea)) CodeGenerator::lea(r, m);
  }
  void add(const Xbyak::Operand& a, const Xbyak::Operand& b) {
    if (!fast_rm(a, b, 0x00)) CodeGenerator::add(a, b);
  }
  void or_(const Xbyak::Operand& a, const Xbyak::Operand& b) {
    if (!fast_rm(a, b, 0x08)) CodeGenerator::or_(a, b);
  }
  void and_(const Xbyak::Operand& a, const Xbyak::Operand& b) {
    if (!fast_rm(a, b, 0x20)) CodeGenerator::and_(a, b);
  }
  void sub(const Xbyak::Operand& a, const Xbyak::Operand& b) {
    if (!fast_rm(a, b, 0x28)) CodeGenerator::sub(a, b);
  }
  void xor_(const Xbyak::Operand& a, const Xbyak::Operand& b) {
    if (!fast_rm(a, b, 0x30)) CodeGenerator::xor_(a, b);
  }
  void cmp(const Xbyak::Operand& a, const Xbyak::Operand& b) {
    if (!fast_rm(a, b, 0x38)) CodeGenerator::cmp(a, b);
  }
  void add(const Xbyak::Operand& a, uint32_t imm) {
    if (!fast_ri(a, imm, 0x00, 0)) CodeGenerator::add(a, imm);
  }
  void or_(const Xbyak::Operand& a, uint32_t imm) {
    if (!fast_ri(a, imm, 0x08, 1)) CodeGenerator::or_(a, imm);
  }
  void and_(const Xbyak::Operand& a, uint32_t imm) {
    if (!fast_ri(a, imm, 0x20, 4)) CodeGenerator::and_(a, imm);
  }
  void sub(const Xbyak::Operand& a, uint32_t imm) {
    if (!fast_ri(a, imm, 0x28, 5)) CodeGenerator::sub(a, imm);
  }
  void xor_(const Xbyak::Operand& a, uint32_t imm) {
    if (!fast_ri(a, imm, 0x30, 6)) CodeGenerator::xor_(a, imm);
  }
  void cmp(const Xbyak::Operand& a, uint32_t imm) {
    if (!fast_ri(a, imm, 0x38, 7)) CodeGenerator::cmp(a, imm);
  }

 protected:
  // Appends `n` bytes (Xbyak's db() checks the room byte by byte). Up to 16 bytes with room for 16 are
  // copied as 16 (one fixed-size move; bytes past the code's end are unused until written).
  void put(const uint8_t* b, size_t n) {
    if (n <= 16 && size_ + 16 <= maxSize_) {
      std::memcpy(top_ + size_, b, 16);
      size_ += n;
      return;
    }
    if (size_ + n > maxSize_) {
      for (size_t i = 0; i < n; ++i) db(b[i]);  // throws ERR_CODE_IS_TOO_BIG as Xbyak would
      return;
    }
    std::memcpy(top_ + size_, b, n);
    size_ += n;
  }

 private:
  static constexpr uint8_t kLea = 0x8D;  // as fast_rm's `code`: 8D /r, register and memory only
  static bool plain_gpr(const Xbyak::Operand& r) { return r.isREG(32 | 64); }
  static bool in_disp8(uint32_t x) { return x + 0x80 < 0x100; }
  // ModRM (and SIB, displacement) of memory operand `e` with `reg` into b[k...], as Xbyak's setSIB:
  // false for the forms left to it (no base, a 32-bit or vector register in the address, a displacement
  // beyond 32 bits).
  static bool mem_operand(const Xbyak::RegExp& e, int reg, uint8_t* b, size_t& k) {
    const Xbyak::Reg& base = e.getBase();
    const Xbyak::Reg& index = e.getIndex();
    if (!base.isREG(64) || (index.getBit() != 0 && !index.isREG(64))) return false;
    uint64_t disp64 = e.getDisp();
    uint64_t high = disp64 >> 31;
    if (high != 0 && high != 0x1FFFFFFFF) return false;
    auto disp = uint32_t(disp64);
    int b7 = base.getIdx() & 7;
    int mod = (b7 != Xbyak::Operand::EBP && disp == 0) ? 0 : (in_disp8(disp) ? 1 : 2);
    if (index.getBit() != 0 || b7 == Xbyak::Operand::ESP) {
      int scale = e.getScale();
      int ss = scale == 8 ? 3 : scale == 4 ? 2 : scale == 2 ? 1 : 0;
      int idx = index.getBit() != 0 ? (index.getIdx() & 7) : Xbyak::Operand::ESP;
      b[k++] = uint8_t(mod << 6 | (reg & 7) << 3 | 4);
      b[k++] = uint8_t(ss << 6 | idx << 3 | b7);
    } else {
      b[k++] = uint8_t(mod << 6 | (reg & 7) << 3 | b7);
    }
    if (mod == 1) {
      b[k++] = uint8_t(disp);
    } else if (mod == 2) {
      std::memcpy(b + k, &disp, 4);
      k += 4;
    }
    return true;
  }
  // Xbyak's opRM_RM for 32/64-bit general registers: reg, reg (code|1, reg = source); memory, reg
  // (code|1); reg, memory (code|3; lea: 8D). False (nothing emitted) for any other form.
  bool fast_rm(const Xbyak::Operand& a, const Xbyak::Operand& b, uint8_t code) {
    uint8_t out[16] = {};
    size_t k = 0;
    if (plain_gpr(a) && plain_gpr(b)) {
      if (a.getBit() != b.getBit() || code == kLea) return false;
      auto rex = uint8_t((a.isBit(64) ? 8 : 0) | (b.isExtIdx() ? 4 : 0) | (a.isExtIdx() ? 1 : 0));
      if (rex != 0) out[k++] = uint8_t(0x40 | rex);
      out[k++] = uint8_t(code | 1);
      out[k++] = uint8_t(0xC0 | (b.getIdx() & 7) << 3 | (a.getIdx() & 7));
      put(out, k);
      return true;
    }
    const Xbyak::Operand* reg = nullptr;
    const Xbyak::Operand* mem = nullptr;
    if (plain_gpr(a) && b.isMEM()) {
      reg = &a, mem = &b, code = code == kLea ? kLea : uint8_t(code | 3);
    } else if (a.isMEM() && plain_gpr(b) && code != kLea) {
      reg = &b, mem = &a, code |= 1;
    } else {
      return false;
    }
    const auto& addr = static_cast<const Xbyak::Address&>(*mem);
    if (addr.getMode() != Xbyak::Address::M_ModRM || addr.isBroadcast()) return false;
    Xbyak::RegExp e = addr.getRegExp();
    const Xbyak::Reg& index = e.getIndex();
    auto rex = uint8_t((reg->isBit(64) ? 8 : 0) | (reg->isExtIdx() ? 4 : 0) |
                       (index.getBit() != 0 && index.isExtIdx() ? 2 : 0) | (e.getBase().isExtIdx() ? 1 : 0));
    if (rex != 0) out[k++] = uint8_t(0x40 | rex);
    out[k++] = code;
    if (!mem_operand(e, reg->getIdx(), out, k)) return false;
    put(out, k);
    return true;
  }
  // Xbyak's opRM_I for a 32/64-bit general register: op r, imm8 (83 /ext ib), op eax/rax, imm32 (short
  // form), op r, imm32 (81 /ext id).
  bool fast_ri(const Xbyak::Operand& a, uint32_t imm, uint8_t code, int ext) {
    if (!plain_gpr(a)) return false;
    uint8_t out[16] = {};
    size_t k = 0;
    bool w = a.isBit(64), imm8 = in_disp8(imm);
    if (a.getIdx() == 0 && !imm8) {
      if (w) out[k++] = 0x48;
      out[k++] = uint8_t(code | 5);
    } else {
      auto rex = uint8_t((w ? 8 : 0) | (a.isExtIdx() ? 1 : 0));
      if (rex != 0) out[k++] = uint8_t(0x40 | rex);
      out[k++] = imm8 ? 0x83 : 0x81;
      out[k++] = uint8_t(0xC0 | ext << 3 | (a.getIdx() & 7));
    }
    if (imm8) {
      out[k++] = uint8_t(imm);
    } else {
      std::memcpy(out + k, &imm, 4);
      k += 4;
    }
    put(out, k);
    return true;
  }
};

}  // namespace wisp::jit
