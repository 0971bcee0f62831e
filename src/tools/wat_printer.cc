#include "tools/wat_printer.h"

#include <algorithm>
#include <algorithm>
#include <charconv>
#include <functional>
#include <cstring>
#include <span>
#include <unordered_set>

#include "binary/byte_reader.h"
#include "tools/instr_reader.h"

namespace wisp::tools {

using wasm::ImmKind;
using wasm::Op;

std::string format_f32(uint32_t bits) {
  std::string sign = (bits >> 31) ? "-" : "";
  uint32_t exp = (bits >> 23) & 0xff, mant = bits & 0x7fffff;
  if (exp == 0xff) {
    if (mant == 0) return sign + "inf";
    if (mant == 0x400000) return sign + "nan";
    char buf[32];
    std::snprintf(buf, sizeof buf, "nan:0x%x", mant);
    return sign + buf;
  }
  float f;
  std::memcpy(&f, &bits, 4);
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, f);  // shortest text that reads back to the same float
  return std::string(buf, r.ptr);
}

std::string format_f64(uint64_t bits) {
  std::string sign = (bits >> 63) ? "-" : "";
  uint64_t exp = (bits >> 52) & 0x7ff, mant = bits & 0xf'ffff'ffff'ffffull;
  if (exp == 0x7ff) {
    if (mant == 0) return sign + "inf";
    if (mant == 0x8'0000'0000'0000ull) return sign + "nan";
    char buf[40];
    std::snprintf(buf, sizeof buf, "nan:0x%llx", static_cast<unsigned long long>(mant));
    return sign + buf;
  }
  double d;
  std::memcpy(&d, &bits, 8);
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

std::string quote_string(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s = "\"";
  for (unsigned char c : bytes) {
    // Bytes >= 0x80 too: data is arbitrary bytes, and the output stays ASCII.
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
      s += '\\';
      s += kHex[c >> 4];
      s += kHex[c & 15];
    } else {
      s += char(c);
    }
  }
  s += '"';
  return s;
}

namespace {

bool is_idchar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::strchr("!#$%&'*+-./:<=>?@\\^_`|~", c) != nullptr && c != 0;
}

bool valid_id(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!is_idchar(c)) return false;
  return true;
}

// "$name" for every index whose name is a valid identifier used once; "" otherwise (printed as a number).
std::vector<std::string> make_ids(const std::unordered_map<uint32_t, std::string>& names, size_t count) {
  std::vector<std::string> ids(count);
  std::unordered_map<std::string, int> uses;
  for (const auto& [i, n] : names)
    if (i < count && valid_id(n)) ++uses[n];
  for (const auto& [i, n] : names)
    if (i < count && valid_id(n) && uses[n] == 1) ids[i] = "$" + n;
  return ids;
}

std::string limits_text(const wasm::Limits& l) {
  std::string s = (l.is64 ? "i64 " : "") + std::to_string(l.min);  // a 64-bit memory (memory64)
  if (l.max) s += " " + std::to_string(*l.max);
  return s;
}

std::string global_type_text(const wasm::GlobalType& g) {
  return g.mut ? "(mut " + g.type.name() + ")" : g.type.name();
}

// One node of the folded form: an instruction with the operand expressions folded into it, or a
// block/loop/if with its nested body.
struct Node {
  std::string head;                 // "i32.add", "block (result i32)", "if (result i32)"; flat: the lines
  std::vector<Node> kids;           // folded operands (if: the condition)
  std::vector<Node> body, else_body;
  // flat: a block nested deeper than kMaxFoldDepth, printed in the flat form (`head` holds its lines).
  enum class Kind : uint8_t { plain, block, if_, flat } kind = Kind::plain;
  bool has_else = false;
  int values = -1;                  // values it leaves on the stack when complete; -1: not foldable
  int depth = 1;                    // nesting of kids below it (operand folding stops at kMaxFoldDepth)
};

// Hostile nesting (a module of a million nested blocks or operands) must not make printing recurse
// without bound or take quadratic space: blocks and operand trees fold only this deep (deeper ones
// print flat, which is valid text too), and indentation stops growing at kMaxIndent levels.
constexpr size_t kMaxFoldDepth = 64;
constexpr size_t kMaxIndent = 32;
constexpr size_t kMaxFoldBodyBytes = 256u << 10;
constexpr uint64_t kMaxPrintedLocals = 1u << 20;  // as validate's kMaxLocals
std::string indent(size_t level) { return std::string(2 * std::min(level, kMaxIndent), ' '); }

class Printer {
 public:
  Printer(const wasm::Module& m, const PrintOptions& o, const std::function<void(std::string_view)>* sink = nullptr)
      : m_(m), o_(o), sink_(sink), types_(binary::TypeOptions::from(m.features)) {}

  Result<std::string> run() {
    init_ids();
    out_ = "(module";
    if (o_.names && valid_id(m_.names.module_name)) out_ += " $" + m_.names.module_name;
    out_ += "\n";
    // Types, in their rec groups (GC).
    for (uint32_t i = 0; i < m_.types.size(); ++i) {
      const wasm::TypeDef& d = m_.type_def(i);
      bool rec = d.rec_size != 1 && d.rec_start == i;
      if (rec) out_ += "  (rec\n";
      bool inside = d.rec_size != 1;
      out_ += std::string(inside ? "    " : "  ") + "(type (;" + std::to_string(i) + ";) " + type_def_text(m_, i) + ")";
      out_ += inside && i + 1 == uint64_t(d.rec_start) + d.rec_size ? ")\n" : "\n";
    }
    uint32_t fi = 0, ti = 0, mi = 0, gi = 0, tgi = 0;
    for (const wasm::Import& im : m_.imports) {
      out_ += "  (import " + quote_string(im.module) + " " + quote_string(im.name) + " ";
      switch (im.kind) {
        case wasm::ExternKind::func:
          // Unvalidated modules may name a missing type: print the index alone then.
          out_ += "(func " + def_id(func_ids_[fi], fi) + "(type " + std::to_string(im.func_type) + ")" +
                  (im.func_type < m_.types.size() ? sig_text(m_.types[im.func_type], nullptr) : "") + ")";
          ++fi;
          break;
        case wasm::ExternKind::table:
          out_ += "(table (;" + std::to_string(ti++) + ";) " + limits_text(im.table.limits) + " " +
                  im.table.elem.name() + ")";
          break;
        case wasm::ExternKind::memory:
          out_ += "(memory (;" + std::to_string(mi++) + ";) " + limits_text(im.memory.limits) + ")";
          break;
        case wasm::ExternKind::global:
          out_ += "(global (;" + std::to_string(gi++) + ";) " + global_type_text(im.global) + ")";
          break;
        case wasm::ExternKind::tag:
          out_ += "(tag (;" + std::to_string(tgi++) + ";) (type " + std::to_string(im.tag_type) + ")" +
                  (im.tag_type < m_.types.size() ? sig_text(m_.types[im.tag_type], nullptr) : "") + ")";
          break;
      }
      out_ += ")\n";
    }
    for (uint32_t i = m_.num_imported_funcs; i < m_.func_types.size(); ++i) {
      WISP_TRY(function(i));
      maybe_flush();
    }
    for (size_t i = m_.num_imported_tables; i < m_.tables.size(); ++i) {
      out_ += "  (table (;" + std::to_string(i) + ";) " + limits_text(m_.tables[i].limits) + " " +
              m_.tables[i].elem.name();
      size_t d = i - m_.num_imported_tables;
      if (d < m_.table_inits.size() && !m_.table_inits[d].code.empty()) {  // an initialiser expression
        WISP_TRY(auto e, const_expr(m_.table_inits[d]));
        out_ += " " + e;
      }
      out_ += ")\n";
    }
    for (size_t i = m_.num_imported_memories; i < m_.memories.size(); ++i) {
      out_ += "  (memory (;" + std::to_string(i) + ";) " + limits_text(m_.memories[i].limits) + ")\n";
    }
    for (size_t i = m_.num_imported_tags; i < m_.tags.size(); ++i) {
      out_ += "  (tag (;" + std::to_string(i) + ";) (type " + std::to_string(m_.tags[i]) + ")" +
              (m_.tags[i] < m_.types.size() ? sig_text(m_.types[m_.tags[i]], nullptr) : "") + ")\n";
    }
    for (size_t i = 0; i < m_.global_inits.size(); ++i) {
      const wasm::Global& g = m_.global_inits[i];
      WISP_TRY(auto e, const_expr(g.init));
      out_ += "  (global (;" + std::to_string(i + m_.num_imported_globals) + ";) " + global_type_text(g.type) +
              " " + e + ")\n";
    }
    for (const wasm::Export& ex : m_.exports) {
      out_ += "  (export " + quote_string(ex.name) + " (" + wasm::extern_kind_name(ex.kind) + " ";
      out_ += ex.kind == wasm::ExternKind::func ? func_ref(ex.index) : std::to_string(ex.index);
      out_ += "))\n";
    }
    if (m_.start) out_ += "  (start " + func_ref(*m_.start) + ")\n";
    for (size_t i = 0; i < m_.elems.size(); ++i) {
      WISP_TRY(elem(i));
    }
    for (size_t i = 0; i < m_.datas.size(); ++i) {
      const wasm::DataSegment& d = m_.datas[i];
      out_ += "  (data (;" + std::to_string(i) + ";)";
      if (d.mode == wasm::SegmentMode::active) {
        WISP_TRY(auto e, const_expr(d.offset));
        if (d.memory != 0) out_ += " (memory " + std::to_string(d.memory) + ")";
        out_ += " (offset " + e + ")";
      }
      out_ += " " + quote_string(std::string_view(reinterpret_cast<const char*>(d.bytes.data()), d.bytes.size()));
      out_ += ")\n";
    }
    out_ += ")\n";
    if (sink_) {
      (*sink_)(out_);
      out_.clear();
    }
    return std::move(out_);
  }

  // With a sink, hands over what is printed so far once it is large: memory stays bounded by a chunk
  // plus one function's folded tree, whatever the module's size.
  void maybe_flush() {
    if (sink_ && out_.size() >= (64u << 10)) {
      (*sink_)(out_);
      out_.clear();
    }
  }

 private:
  static std::string def_id(const std::string& id, uint32_t index) {
    return id.empty() ? "(;" + std::to_string(index) + ";) " : id + " ";
  }
  std::string func_ref(uint32_t i) const {
    return i < func_ids_.size() && !func_ids_[i].empty() ? func_ids_[i] : std::to_string(i);
  }
  std::string local_ref(uint32_t i) const {
    return i < local_ids_.size() && !local_ids_[i].empty() ? local_ids_[i] : std::to_string(i);
  }

  // " (param ...) (result ...)", with $ids for named params when `ids` is given.
  std::string sig_text(const wasm::FuncType& t, const std::vector<std::string>* ids) const {
    std::string s;
    bool any_named = false;
    if (ids)
      for (size_t i = 0; i < t.params.size() && i < ids->size(); ++i) any_named |= !(*ids)[i].empty();
    if (any_named) {
      for (size_t i = 0; i < t.params.size(); ++i) {
        s += " (param ";
        if (!(*ids)[i].empty()) s += (*ids)[i] + " ";
        s += t.params[i].name() + ")";
      }
    } else if (!t.params.empty()) {
      s += " (param";
      for (wasm::ValType v : t.params) s += " " + v.name();
      s += ")";
    }
    if (!t.results.empty()) {
      s += " (result";
      for (wasm::ValType v : t.results) s += " " + v.name();
      s += ")";
    }
    return s;
  }

 public:
  void init_ids() {
    if (o_.names) func_ids_ = make_ids(m_.names.functions, m_.func_types.size());
    else func_ids_.assign(m_.func_types.size(), "");
  }

  Result<std::string> const_expr(const wasm::ConstExpr& e) const {
    WISP_TRY(auto ins, read_instrs(e.code.data(), 0, e.code.size(), types_));
    std::string s;
    size_t n = ins.size();
    if (n > 0 && ins.back().op == Op::end) --n;
    for (size_t i = 0; i < n; ++i) {
      if (!s.empty()) s += " ";
      s += "(" + instr_text((ins)[i]) + ")";
    }
    return s;
  }

 private:
  Result<void> elem(size_t i) {
    const wasm::ElemSegment& e = m_.elems[i];
    out_ += "  (elem (;" + std::to_string(i) + ";)";
    if (e.mode == wasm::SegmentMode::declarative) out_ += " declare";
    if (e.mode == wasm::SegmentMode::active) {
      WISP_TRY(auto off, const_expr(e.offset));
      out_ += " (table " + std::to_string(e.table) + ") (offset " + off + ")";
    }
    if (e.uses_exprs) {
      out_ += " " + e.type.name();
      for (const wasm::ConstExpr& x : e.exprs) {
        WISP_TRY(auto t, const_expr(x));
        out_ += " (item " + t + ")";
      }
    } else {
      out_ += " func";
      for (uint32_t f : e.func_indices) out_ += " " + func_ref(f);
    }
    out_ += ")\n";
    return {};
  }

  Result<void> function(uint32_t index) {
    const wasm::FuncBody& body = m_.body(index);
    static const wasm::FuncType kNoType;
    const wasm::FuncType& type = body.type_index < m_.types.size() ? m_.types[body.type_index] : kNoType;
    local_ids_.clear();
    if (o_.names) {
      auto it = m_.names.locals.find(index);
      if (it != m_.names.locals.end()) local_ids_ = make_ids(it->second, type.params.size() + body.num_locals);
    }
    out_ += "  (func " + def_id(func_ids_[index], index) + "(type " + std::to_string(body.type_index) + ")" +
            sig_text(type, &local_ids_);
    // Declared locals: named ones one by one, runs of unnamed ones grouped per declaration. The text
    // names each local, so a body declaring more than the validator allows (up to 2^32 in a few bytes)
    // is refused rather than printed at a cost out of proportion to the module.
    uint64_t declared = 0;
    for (const wasm::LocalDecl& d : body.locals) declared += d.count;
    if (declared > kMaxPrintedLocals) return Error::malformed("too many locals", body.entry_offset);
    uint32_t li = uint32_t(type.params.size());
    std::string locals;
    for (const wasm::LocalDecl& d : body.locals) {
      std::string group;
      for (uint32_t k = 0; k < d.count; ++k, ++li) {
        const std::string* id = li < local_ids_.size() && !local_ids_[li].empty() ? &local_ids_[li] : nullptr;
        if (id) {
          locals += " (local " + *id + " " + d.type.name() + ")";
        } else {
          group += " " + d.type.name();
          if (k + 1 == d.count || (li + 1 < local_ids_.size() && !local_ids_[li + 1].empty())) {
            locals += " (local" + group + ")";
            group.clear();
          }
        }
      }
    }
    out_ += locals + "\n";
    // Folding holds a body's instructions and tree (~250 bytes per code byte): a body larger than
    // kMaxFoldBodyBytes prints flat, one instruction at a time, so memory stays bounded.
    if (!o_.folded || body.body_end - body.body_offset > kMaxFoldBodyBytes) {
      binary::ByteReader r(m_.bytes.data(), body.body_offset, body.body_end);
      Instr in;
      size_t depth = 0;
      for (;;) {
        if (r.at_end()) return Error::malformed("function body must end with end", body.body_end);
        WISP_TRY(read_instr(r, in, types_));
        if (r.at_end() && !in.simd && in.op == Op::end) break;  // the closing parenthesis
        flat_line(in, depth, 2, out_);
        maybe_flush();
      }
      out_ += "  )\n";
      return {};
    }
    WISP_TRY(auto ins, read_instrs(m_.bytes.data(), body.body_offset, body.body_end, types_));
    std::vector<Instr>& v = ins;
    if (v.empty() || v.back().op != Op::end) return Error::malformed("function body must end with end", body.body_end);
    v.pop_back();  // the function's own `end` is the closing parenthesis
    // Exception handling blocks (try_table, legacy try) print in the flat form only.
    bool has_exn_blocks = std::any_of(v.begin(), v.end(), [](const Instr& in) {
      return !in.simd && (in.op == Op::try_table || in.op == Op::try_);
    });
    if (o_.folded && !has_exn_blocks) {
      size_t pos = 0;
      std::vector<int> labels{int(type.results.size())};
      std::vector<Node> nodes;
      fold_seq(v, pos, labels, nodes);
      for (const Node& n : nodes) render(n, 2, out_);
    } else {
      flat(v, type);
    }
    out_ += "  )\n";
    return {};
  }

  std::string block_head(const Instr& in) const {
    std::string s(wasm::op_info(in.op).name);
    if (in.block == Instr::Block::single) s += " (result " + in.type.name() + ")";
    else if (in.block == Instr::Block::index) s += " (type " + std::to_string(in.a) + ")";
    return s;
  }

  static std::string simd_text(const Instr& in) {
    const wasm::SimdOpInfo& info = wasm::simd_op_info(in.simd_op);
    std::string s(info.name);
    switch (info.imm) {
      case wasm::SimdImm::none:
        break;
      case wasm::SimdImm::memarg:
      case wasm::SimdImm::memarg_lane:
        if (in.b != 0) s += " " + std::to_string(in.b);  // the memory
        if (in.bits != 0) s += " offset=" + std::to_string(in.bits);
        if (in.a != info.align) s += " align=" + std::to_string(uint64_t(1) << (in.a & 63));
        if (info.imm == wasm::SimdImm::memarg_lane) s += " " + std::to_string(in.lane);
        break;
      case wasm::SimdImm::lane:
        s += " " + std::to_string(in.lane);
        break;
      case wasm::SimdImm::v128: {
        // Four exact 32-bit lanes in hex: reads back bit for bit.
        s += " i32x4";
        for (int i = 0; i < 4; ++i) {
          uint32_t w = 0;
          for (int b = 0; b < 4; ++b) w |= uint32_t(in.v128[size_t(4 * i + b)]) << (8 * b);
          char buf[16];
          std::snprintf(buf, sizeof buf, " 0x%08x", w);
          s += buf;
        }
        break;
      }
      case wasm::SimdImm::shuffle:
        for (uint8_t l : in.v128) s += " " + std::to_string(l);
        break;
    }
    return s;
  }

  // Text of a non-structural instruction with its immediates.
  std::string instr_text(const Instr& in) const {
    if (in.simd) return simd_text(in);
    const wasm::OpInfo& info = wasm::op_info(in.op);
    std::string s(info.name);
    auto num = [&](uint64_t v) { s += " " + std::to_string(v); };
    switch (info.imm) {
      case ImmKind::none:
        break;
      case ImmKind::mem:  // memory indices, written when not memory 0
        if (in.a != 0) num(in.a);
        break;
      case ImmKind::memory_copy:
        if (in.a != 0 || in.b != 0) {
          num(in.a);
          num(in.b);
        }
        break;
      case ImmKind::block:
        return block_head(in);
      case ImmKind::label:
      case ImmKind::global:
      case ImmKind::table:
      case ImmKind::data:
      case ImmKind::elem:
      case ImmKind::type_index:
      case ImmKind::tag:
        num(in.a);
        break;
      case ImmKind::struct_field:
      case ImmKind::array_fixed:
      case ImmKind::array_data:
      case ImmKind::array_elem:
      case ImmKind::array_copy:
        num(in.a);
        num(in.b);
        break;
      case ImmKind::try_table: {
        s = block_head(in);
        static constexpr const char* kKinds[] = {"catch", "catch_ref", "catch_all", "catch_all_ref"};
        for (const Instr::Catch& c : in.catches) {
          s += std::string(" (") + kKinds[c.kind & 3];
          if (c.kind <= 1) s += " " + std::to_string(c.tag);
          s += " " + std::to_string(c.label) + ")";
        }
        return s;
      }
      case ImmKind::ref_test:  // the nullable type selects the _null encoding
        s += " " + in.type.name();
        break;
      case ImmKind::br_on_cast:
        s += " " + std::to_string(in.a) + " " + in.type.name() + " " + in.type2.name();
        break;
      case ImmKind::func:
        s += " " + func_ref(in.a);
        break;
      case ImmKind::local:
        s += " " + local_ref(in.a);
        break;
      case ImmKind::br_table:
        for (uint32_t t : in.targets) num(t);
        num(in.a);
        break;
      case ImmKind::call_indirect:
        if (in.b != 0) num(in.b);
        s += " (type " + std::to_string(in.a) + ")";
        break;
      case ImmKind::memarg:
        if (in.b != 0) num(in.b);  // the memory
        if (in.bits != 0) s += " offset=" + std::to_string(in.bits);
        if (in.a != natural_align_log2(in.op)) s += " align=" + std::to_string(uint64_t(1) << (in.a & 63));
        break;
      case ImmKind::i32:
        s += " " + std::to_string(int32_t(uint32_t(in.bits)));
        break;
      case ImmKind::i64:
        s += " " + std::to_string(int64_t(in.bits));
        break;
      case ImmKind::f32:
        s += " " + format_f32(uint32_t(in.bits));
        break;
      case ImmKind::f64:
        s += " " + format_f64(in.bits);
        break;
      case ImmKind::select_t:
        s += " (result";
        for (wasm::ValType t : in.select_types) s += " " + t.name();
        s += ")";
        break;
      case ImmKind::heap_type:
        s += " " + wasm::heap_type_name(in.type.heap());
        break;
      case ImmKind::memory_init:
        if (in.b != 0) num(in.b);  // the memory
        num(in.a);
        break;
      case ImmKind::table_init:
        if (in.b != 0) num(in.b);
        num(in.a);
        break;
      case ImmKind::table_copy:
        if (in.a != 0 || in.b != 0) {
          num(in.a);
          num(in.b);
        }
        break;
    }
    return s;
  }

  void flat(const std::vector<Instr>& v, const wasm::FuncType&) { flat_lines(v, 0, v.size(), 2, out_); }

  static bool opens_block(Op op) {
    return op == Op::block || op == Op::loop || op == Op::if_ || op == Op::try_table || op == Op::try_;
  }

  // Instructions [from, to) in the flat form, one per line, from indentation level `base` (capped).
  void flat_lines(const std::vector<Instr>& v, size_t from, size_t to, size_t base, std::string& out) {
    size_t depth = 0;
    for (size_t i = from; i < to; ++i) {
      flat_line(v[i], depth, base, out);
      if (&out == &out_) maybe_flush();
    }
  }

  // One instruction's line of the flat form; `depth` is the block nesting, updated.
  void flat_line(const Instr& in, size_t& depth, size_t base, std::string& out) const {
    bool simd = in.simd;
    if (!simd && depth > 0 &&
        (in.op == Op::end || in.op == Op::else_ || in.op == Op::catch_ || in.op == Op::catch_all ||
         in.op == Op::delegate))
      --depth;
    out += indent(depth + base);
    // v128.const and i8x16.shuffle take a run of literals: parenthesised, their end is unambiguous to
    // a parser that counts the atoms ahead (ours does).
    bool wrap = simd && (wasm::simd_op_info(in.simd_op).imm == wasm::SimdImm::v128 ||
                         wasm::simd_op_info(in.simd_op).imm == wasm::SimdImm::shuffle);
    out += wrap ? "(" + instr_text(in) + ")\n" : instr_text(in) + "\n";
    if (!simd && (opens_block(in.op) || in.op == Op::else_ || in.op == Op::catch_ || in.op == Op::catch_all))
      ++depth;
  }

  // ---- folded form ----

  // Block params and results for a block instruction.
  std::pair<size_t, size_t> block_arity(const Instr& in) const {
    if (in.block == Instr::Block::single) return {0, 1};
    if (in.block == Instr::Block::index && in.a < m_.types.size())
      return {m_.types[in.a].params.size(), m_.types[in.a].results.size()};
    return {0, 0};
  }

  // Operands popped and values pushed by a non-structural instruction; pops < 0: do not fold operands.
  std::pair<int, int> arity(const Instr& in, const std::vector<int>& labels) const {
    auto label = [&](uint32_t d) { return d < labels.size() ? labels[labels.size() - 1 - d] : -1; };
    if (in.simd) {
      std::string_view sig = wasm::simd_op_info(in.simd_op).sig;
      size_t colon = sig.find(':');
      if (colon == std::string_view::npos) return {-1, -1};
      return {int(colon), int(sig.size() - colon - 1)};
    }
    const wasm::OpInfo& info = wasm::op_info(in.op);
    if (!info.sig.empty()) {
      size_t colon = info.sig.find(':');
      return {int(colon), int(info.sig.size() - colon - 1)};
    }
    auto ftype = [&](uint32_t t) -> const wasm::FuncType* { return t < m_.types.size() ? &m_.types[t] : nullptr; };
    switch (in.op) {
      case Op::unreachable: case Op::nop: case Op::data_drop: case Op::elem_drop:
        return {0, 0};
      case Op::br:
        return {label(in.a), 0};
      case Op::br_if: {
        int n = label(in.a);
        return n < 0 ? std::pair{-1, -1} : std::pair{n + 1, n};
      }
      case Op::br_table: {
        int n = label(in.a);
        return {n < 0 ? -1 : n + 1, 0};
      }
      case Op::return_:
        return {labels.empty() ? -1 : labels.front(), 0};
      case Op::call: {
        if (in.a >= m_.func_types.size()) return {-1, -1};
        const wasm::FuncType* t = ftype(m_.func_types[in.a]);
        if (!t) return {-1, -1};
        return {int(t->params.size()), int(t->results.size())};
      }
      case Op::call_indirect: {
        const wasm::FuncType* t = ftype(in.a);
        if (!t) return {-1, -1};
        return {int(t->params.size()) + 1, int(t->results.size())};
      }
      case Op::return_call: {  // tail calls consume their operands and end the block's code, as return
        if (in.a >= m_.func_types.size()) return {-1, -1};
        const wasm::FuncType* t = ftype(m_.func_types[in.a]);
        if (!t) return {-1, -1};
        return {int(t->params.size()), 0};
      }
      case Op::return_call_indirect: {
        const wasm::FuncType* t = ftype(in.a);
        if (!t) return {-1, -1};
        return {int(t->params.size()) + 1, 0};
      }
      case Op::call_ref: {  // the reference follows the arguments
        const wasm::FuncType* t = ftype(in.a);
        if (!t) return {-1, -1};
        return {int(t->params.size()) + 1, int(t->results.size())};
      }
      case Op::return_call_ref: {
        const wasm::FuncType* t = ftype(in.a);
        if (!t) return {-1, -1};
        return {int(t->params.size()) + 1, 0};
      }
      case Op::ref_as_non_null: return {1, 1};
      case Op::drop: return {1, 0};
      case Op::select: case Op::select_t: return {3, 1};
      case Op::local_get: case Op::global_get: case Op::ref_null: case Op::ref_func: case Op::table_size:
      case Op::memory_size:
        return {0, 1};
      case Op::local_set: case Op::global_set: return {1, 0};
      case Op::local_tee: case Op::table_get: case Op::ref_is_null: case Op::memory_grow: return {1, 1};
      case Op::table_set: return {2, 0};
      case Op::table_grow: return {2, 1};
      case Op::table_fill: case Op::table_copy: case Op::table_init: case Op::memory_fill:
      case Op::memory_copy: case Op::memory_init:
        return {3, 0};
      default:
        return {-1, -1};
    }
  }

  // Moves the last `n` nodes of `seq` into `kids` when they are complete single-value expressions.
  static void take_operands(std::vector<Node>& seq, int n, std::vector<Node>& kids) {
    if (n <= 0 || size_t(n) > seq.size()) return;
    for (size_t i = seq.size() - size_t(n); i < seq.size(); ++i)
      if (seq[i].values != 1 || size_t(seq[i].depth) >= kMaxFoldDepth) return;
    kids.assign(std::make_move_iterator(seq.end() - n), std::make_move_iterator(seq.end()));
    seq.erase(seq.end() - n, seq.end());
  }

  // Folds instructions from `pos` up to (not including) the `end`/`else` closing the current sequence.
  // Any grouping is faithful as long as instruction order is kept: (op a b) is the sequence a b op.
  void fold_seq(const std::vector<Instr>& v, size_t& pos, std::vector<int>& labels, std::vector<Node>& seq) {
    while (pos < v.size()) {
      const Instr& in = v[pos];
      if (in.op == Op::end || in.op == Op::else_) return;
      ++pos;
      Node n;
      if ((in.op == Op::block || in.op == Op::loop || in.op == Op::if_) && labels.size() > kMaxFoldDepth) {
        // Too deep to fold: this block and everything in it print flat (found without recursing).
        size_t start = pos - 1, level = 1;
        while (pos < v.size() && level > 0) {
          const Instr& x = v[pos++];
          if (!x.simd && opens_block(x.op)) ++level;
          else if (!x.simd && (x.op == Op::end || x.op == Op::delegate)) --level;
        }
        n.kind = Node::Kind::flat;
        flat_lines(v, start, pos, 0, n.head);
        n.values = -1;
      } else if (in.op == Op::block || in.op == Op::loop || in.op == Op::if_) {
        auto [params, results] = block_arity(in);
        n.head = block_head(in);
        n.kind = in.op == Op::if_ ? Node::Kind::if_ : Node::Kind::block;
        if (in.op == Op::if_ && params == 0) take_operands(seq, 1, n.kids);
        labels.push_back(int(in.op == Op::loop ? params : results));
        fold_seq(v, pos, labels, n.body);
        if (pos < v.size() && v[pos].op == Op::else_) {
          ++pos;
          n.has_else = true;
          fold_seq(v, pos, labels, n.else_body);
        }
        labels.pop_back();
        if (pos < v.size()) ++pos;  // the block's `end`
        for (const std::vector<Node>* part : {&n.kids, &n.body, &n.else_body})
          for (const Node& k : *part) n.depth = std::max(n.depth, k.depth + 1);
        n.values = params == 0 && (in.op != Op::if_ || !n.kids.empty()) ? int(results) : -1;
      } else {
        auto [pops, pushes] = arity(in, labels);
        n.head = instr_text(in);
        take_operands(seq, pops, n.kids);
        for (const Node& k : n.kids) n.depth = std::max(n.depth, k.depth + 1);
        n.values = pops >= 0 && (pops == 0 || !n.kids.empty()) ? pushes : -1;
      }
      seq.push_back(std::move(n));
    }
  }

  static bool single_line(const Node& n) {
    if (n.kind != Node::Kind::plain) return false;
    for (const Node& k : n.kids)
      if (!single_line(k)) return false;
    return true;
  }

  static void inline_text(const Node& n, std::string& out) {
    out += "(" + n.head;
    for (const Node& k : n.kids) {
      out += " ";
      inline_text(k, out);
    }
    out += ")";
  }

  static void render(const Node& n, size_t level, std::string& out) {
    if (n.kind == Node::Kind::flat) {  // its lines, shifted to this level
      std::string pad = indent(level);
      for (size_t at = 0; at < n.head.size();) {
        size_t nl = n.head.find('\n', at);
        out += pad;
        out.append(n.head, at, nl - at + 1);
        at = nl + 1;
      }
      return;
    }
    std::string pad = indent(level);
    if (single_line(n)) {
      out += pad;
      inline_text(n, out);
      out += "\n";
      return;
    }
    out += pad + "(" + n.head + "\n";
    std::string pad1 = indent(level + 1);
    for (const Node& k : n.kids) render(k, level + 1, out);
    if (n.kind == Node::Kind::if_) {
      out += pad1 + "(then\n";
      for (const Node& b : n.body) render(b, level + 2, out);
      out += pad1 + ")\n";
      if (n.has_else) {
        out += pad1 + "(else\n";
        for (const Node& b : n.else_body) render(b, level + 2, out);
        out += pad1 + ")\n";
      }
    } else {
      for (const Node& b : n.body) render(b, level + 1, out);
    }
    out += pad + ")\n";
  }

  const wasm::Module& m_;
  PrintOptions o_;
  const std::function<void(std::string_view)>* sink_ = nullptr;
  binary::TypeOptions types_;  // the type (and GC instruction) encodings of the module's features
  std::string out_;
  std::vector<std::string> func_ids_;
  std::vector<std::string> local_ids_;
};

}  // namespace

std::string type_def_text(const wasm::Module& m, uint32_t i) {
  const wasm::TypeDef& d = m.type_def(i);
  auto field = [](const wasm::FieldType& f) {
    std::string t = f.packed == wasm::Packed::i8 ? "i8" : f.packed == wasm::Packed::i16 ? "i16" : f.type.name();
    return f.mut ? "(mut " + t + ")" : t;
  };
  std::string s;
  switch (d.kind) {
    case wasm::TypeKind::func: {
      s = "(func";
      const wasm::FuncType& t = m.types[i];
      if (!t.params.empty()) {
        s += " (param";
        for (wasm::ValType v : t.params) s += " " + v.name();
        s += ")";
      }
      if (!t.results.empty()) {
        s += " (result";
        for (wasm::ValType v : t.results) s += " " + v.name();
        s += ")";
      }
      s += ")";
      break;
    }
    case wasm::TypeKind::struct_:
      s = "(struct";
      for (const wasm::FieldType& f : d.fields) s += " (field " + field(f) + ")";
      s += ")";
      break;
    case wasm::TypeKind::array:
      s = "(array " + (d.fields.empty() ? std::string("i32") : field(d.fields[0])) + ")";
      break;
  }
  if (d.final && d.supertype == wasm::kNoSupertype) return s;
  std::string sub = d.final ? "(sub final " : "(sub ";
  if (d.supertype != wasm::kNoSupertype) sub += std::to_string(d.supertype) + " ";
  return sub + s + ")";
}

std::string const_expr_text(const wasm::Module& module, const wasm::ConstExpr& expr) {
  Printer p(module, PrintOptions{false, false});
  p.init_ids();
  auto r = p.const_expr(expr);
  return r ? *r : std::string("?");
}

Result<std::string> print_module(const wasm::Module& module, const PrintOptions& options) {
  Printer p(module, options);
  return p.run();
}

Result<void> print_module(const wasm::Module& module, const PrintOptions& options,
                          const std::function<void(std::string_view)>& sink) {
  Printer p(module, options, &sink);
  WISP_TRY(p.run());
  return {};
}

}  // namespace wisp::tools
