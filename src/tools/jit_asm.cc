#include "tools/jit_asm.h"

#include <cinttypes>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "interp/ir_builder.h"
#include "interp/ir_printer.h"
#include "tools/dump.h"
#include "validate/module_validator.h"
#if WISP_HAVE_JIT && WISP_HAVE_ZYDIS
#include <Zydis/Zydis.h>
#include <dlfcn.h>

#include "interp/invoke.h"
#include "jit/code_info.h"
#include "jit/jit.h"
#endif

namespace wisp::tools {

#if WISP_HAVE_JIT && WISP_HAVE_ZYDIS
namespace {

using DisassembleFn = decltype(&ZydisDisassembleIntel);

// Zydis' one-call disassembler, from the shared library (see the header).
Result<DisassembleFn> load_zydis() {
  static const DisassembleFn fn = [] {
    void* lib = dlopen("libZydis.so.4.0", RTLD_NOW | RTLD_LOCAL);
    return lib == nullptr ? DisassembleFn(nullptr)
                          : reinterpret_cast<DisassembleFn>(dlsym(lib, "ZydisDisassembleIntel"));
  }();
  if (fn == nullptr) return Error::usage("cannot load the disassembler (libZydis.so.4.0 from libzydis4.0)");
  return fn;
}

// Zydis pads absolute addresses (here: offsets in the function) to 16 digits; four do here.
std::string shorten_addresses(const char* text) {
  std::string s = text, out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 0;
    if (s.compare(i, 2, "0x") == 0)
      while (i + 2 + n < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 2 + n]))) ++n;
    if (n == 16) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "0x%04" PRIx64, uint64_t(std::strtoull(s.substr(i + 2, 16).c_str(), nullptr, 16)));
      out += buf;
      i += 18;
    } else {
      out += s[i++];
    }
  }
  return out;
}

}  // namespace
#endif

Result<std::string> function_asm_text(const wasm::Module& m, std::string_view func) {
  auto idx = find_function(m, func);
  if (!idx) return Error::usage("no function '" + std::string(func) + "' (give an index, a name or an export name)");
  if (m.is_imported_func(*idx)) return Error::usage("function " + std::to_string(*idx) + " is imported: it has no code");
#if !WISP_HAVE_JIT
  return Error::usage("this build has no JIT (x86-64 with Xbyak, libxbyak-dev): no machine code to show");
#elif !WISP_HAVE_ZYDIS
  return Error::usage("this build has no disassembler (built without Zydis' headers, libzydis-dev)");
#else
  WISP_TRY(auto disassemble, load_zydis());
  WISP_TRY(validate::validate_module(m));
  runtime::EngineConfig config;
  WISP_TRY(auto code, interp::translate_function(m, *idx, config));
  // The IR as translated, before the JIT patches its re-entry points in.
  std::map<uint32_t, std::string> ir_lines;
  std::string ir = interp::print_ir(*code), header;
  for (size_t p = 0; p < ir.size();) {
    size_t e = ir.find('\n', p);
    if (e == std::string::npos) e = ir.size();
    std::string line = ir.substr(p, e - p);
    p = e + 1;
    size_t colon = line.find(':');
    if (header.empty()) {
      header = line;
    } else if (colon != std::string::npos) {
      ir_lines[uint32_t(std::strtoul(line.c_str(), nullptr, 10))] = line;
    }
  }
  // A module code of its own (the JIT reads its configuration) over a module it does not own.
  std::shared_ptr<const wasm::Module> module(&m, [](const wasm::Module*) {});
  std::shared_ptr<interp::ModuleCode> mc = interp::make_module_code(module, config);
  jit::CodeMemory memory(size_t(64) << 20);
  std::unique_ptr<interp::FuncCode> compiled = jit::compile(std::move(code), *mc, memory);
  std::string name = display_func_name(m, *idx);
  std::string out = "func " + std::to_string(*idx) + (name.empty() ? "" : " <" + name + ">") + ": " + header + "\n";
  std::optional<jit::CodeInfo> native = jit::code_info(*compiled);
  if (!native) return out + "not compiled: the JIT leaves the whole function to the interpreter\n";
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu bytes of machine code, %zu of them data; %" PRIu64 " of %zu IR instructions compiled\n",
                native->size, native->size - native->text_size, memory.counters.native_instrs.load(),
                native->ir_map.size() - 1);
  out += buf;
  // The sections: entry trampoline, one per IR instruction, hand-overs after the last one.
  std::vector<std::pair<uint32_t, std::string>> sections{{0, "entry and exit:"}};
  for (const auto& [offset, pos] : native->ir_map) {
    auto it = ir_lines.find(pos);
    std::string label = it != ir_lines.end() ? it->second : pos == compiled->code.size() ? "out of line (hand-overs):" : "@" + std::to_string(pos);
    sections.emplace_back(offset, label);
  }
  out += sections[0].second + "\n";
  size_t next = 1;
  ZydisDisassembledInstruction ins, following;
  for (size_t off = 0; off < native->text_size;) {
    while (next < sections.size() && sections[next].first <= off) {
      // Instructions with no code of their own (none today) share the next one's.
      out += sections[next].second + "\n";
      ++next;
    }
    const uint8_t* at = native->start + off;
    size_t left = native->text_size - off;
    if (!ZYAN_SUCCESS(disassemble(ZYDIS_MACHINE_MODE_LONG_64, off, at, left, &ins))) {
      std::snprintf(buf, sizeof buf, "      %04zx  (undecodable byte 0x%02x)\n", off, *at);
      out += buf;
      ++off;
      continue;
    }
    std::string text = shorten_addresses(ins.text);
    // `mov rax, imm64` + `call rax`: a helper call, by name (its address changes from run to run; the
    // JIT always uses the 10-byte form, so the offsets do not depend on it either).
    size_t len = ins.info.length;
    if (ins.info.mnemonic == ZYDIS_MNEMONIC_MOV && ins.operands[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        ins.operands[0].reg.value == ZYDIS_REGISTER_RAX &&
        ins.operands[1].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && left > len &&
        ZYAN_SUCCESS(disassemble(ZYDIS_MACHINE_MODE_LONG_64, off + len, at + len, left - len, &following)) &&
        following.info.mnemonic == ZYDIS_MNEMONIC_CALL && following.operands[0].type == ZYDIS_OPERAND_TYPE_REGISTER &&
        following.operands[0].reg.value == ZYDIS_REGISTER_RAX) {
      std::string_view helper = jit::helper_name(ins.operands[1].imm.value.u);
      text = "mov rax, <" + std::string(helper.empty() ? "helper" : helper) + ">";
    }
    if (ins.info.mnemonic == ZYDIS_MNEMONIC_LEA && ins.operands[0].reg.value == ZYDIS_REGISTER_RAX &&
        ins.operands[1].type == ZYDIS_OPERAND_TYPE_MEMORY && ins.operands[1].mem.base == ZYDIS_REGISTER_R13) {
      // A hand-over to the interpreter: lea rax, [r13 + 4 * IR position], then to the exit.
      text += "  ; hand over at @" + std::to_string(ins.operands[1].mem.disp.value / 4);
    }
    std::snprintf(buf, sizeof buf, "      %04zx  ", off);
    out += buf + text + "\n";
    off += ins.info.length;
  }
  if (native->size > native->text_size) {
    std::snprintf(buf, sizeof buf, "data: %zu bytes (branch tables, padding)\n", native->size - native->text_size);
    out += buf;
  }
  return out;
#endif
}

}  // namespace wisp::tools
