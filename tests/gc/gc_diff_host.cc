// gc_diff_host: runs a module made by binaryen's fuzzer (`wasm-opt -ttf`) the way binaryen's
// `--fuzz-exec` runs it, and prints what binaryen prints, so the two outputs can be compared line by line
// (issue 16: the differential GC fuzz target; fuzz/gc_diff.sh runs it live, tests/gc/run-diff-corpus.sh
// over the checked-in corpus).
//
//   gc_diff_host [--tier interp|jit|auto] [--dispatch loop] [--tier-up-threshold N] [--gc-stress] MODULE.wasm
//       runs MODULE.wasm, prints the normalised transcript on stdout. --gc-stress collects whenever as
//       much as the live data has been allocated since the last collection (Heap::set_min_trigger(0)):
//       fuzz modules keep little alive, so the collector runs at almost every allocation, and a reference
//       the roots miss shows as a wrong value or a crash instead of never being noticed (the default
//       trigger, 8 MiB, is never reached by these modules). --stats prints the heap's counters on stderr.
//   gc_diff_host --normalize FILE
//       prints binaryen's transcript FILE normalised the same way
//
// What binaryen does (its src/tools/execution-results.h, read for this; no code taken): it instantiates
// the module with the "fuzzing-support" imports (log-*, throw, table-get/-set, call-export(-catch),
// call-ref(-catch), sleep, the tags wasmtag (i32) and jstag (externref)) and synthesised immutable
// externref globals of the module "__fuzz_import"; then, for each export in order, it prints
// "[fuzz-exec] export NAME" and either calls the function with zero arguments, printing
// "[fuzz-exec] note result: NAME => V" (each result value followed by a newline), a trap as
// "[trap MESSAGE]" or an escaping exception as "[exception thrown: TAG PAYLOAD...]", or logs a global's
// current value. Values print as JS sees them: numbers in full (i64 arguments of log-i64 split into low and
// high i32 halves), v128 as four i32 lanes in hex, references only as null / function / object(null)
// (structs, arrays, exnrefs: their JS prototype, always null without custom descriptors) except i31
// (i31ref(N)) and host externrefs (externref(N); the JS error thrown by the imports is "jserror").
// Reproducing that format here (rather than translating both into a third one) keeps the reference output
// as binaryen wrote it: the corpus checks in binaryen's own text.
//
// Normalisation (both sides, so differences wisp is allowed to have do not show):
//  - trap messages differ by implementation: each becomes a class (unreachable, null, cast, oob, div-zero,
//    overflow, invalid-conversion, ...); a wrong class is still a mismatch.
//  - NaNs: the spec leaves the sign and payload of arithmetic NaNs open, so every NaN prints as "nan".
//    The generator also runs binaryen's --denan pass, so NaN bits rarely reach integers.
//  - resource limits: binaryen's "[host limit ...]" (its recursion / allocation limits) and wisp's call
//    stack exhaustion or GC heap limit print as "[host limit]"; the comparison skips such modules
//    (fuzz/gc_diff.sh counts them), since where a limit strikes is no semantic property.
// Floats print as binaryen's JS-style number printer does (the shortest of a fixed and an exponent form
// that reads back exactly, "12345e3" for integers with 3+ trailing zeros), reimplemented below.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "api/internal.h"
#include "runtime/public_kind.h"
#include "gc/heap.h"
#include "gc/object.h"
#include "runtime/instance_data.h"
#include "runtime/instantiate.h"
#include "wasm/module.h"
#include "wisp/wisp.h"

namespace {

using namespace wisp;

constexpr uint64_t kJsErrorPayload = 0xbad;  // binaryen's externref payload of a JS exception

// ---- number formatting (binaryen's printDouble / JSPrinter::numToString output) ----

// One candidate text of a non-negative finite double and its read-back error.
struct Candidate {
  std::string text;
  double err = 0;
};

Candidate candidate(double d, bool exp_form) {
  char buf[512];
  bool integer = std::trunc(d) == d;
  if (!integer) {
    // The fewest digits (0..18) that read back exactly.
    for (int prec = 0; prec <= 18; ++prec) {
      std::snprintf(buf, sizeof buf, exp_form ? "%.*e" : "%.*f", prec, d);
      if (std::strtod(buf, nullptr) == d) break;
    }
  } else if (d <= 18446744073709551616.0) {
    // 2^64 itself counts as an integer that fits and is clamped (as binaryen's toUInteger64 does).
    unsigned long long u = d < 18446744073709551616.0 ? static_cast<unsigned long long>(d) : ~0ull;
    std::snprintf(buf, sizeof buf, "%llu", u);
  } else {
    std::snprintf(buf, sizeof buf, exp_form ? "%e" : "%.0f", d);
  }
  Candidate c;
  c.err = std::fabs(std::strtod(buf, nullptr) - d);
  std::string s = buf;
  size_t dot = s.find('.');
  if (dot != std::string::npos) {
    // Drop the fraction's trailing zeros, then leading zeros of the whole text ("0.5" -> ".5").
    size_t end = dot + 1;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    size_t last = end - 1;
    while (s[last] == '0') {
      s.erase(last, 1);
      --last;
    }
    size_t lead = 0;
    while (lead < s.size() && s[lead] == '0') ++lead;
    s.erase(0, lead);
  } else if (!integer || !exp_form) {
    // Trailing zeros (and digits past the 25th) become an exponent when there are 3 or more.
    size_t end = s.size() - 1, test = end;
    while ((s[test] == '0' || test > 24) && test > 0) --test;
    size_t num = end - test;
    if (num >= 3) s = s.substr(0, test + 1) + "e" + std::to_string(num);
  }
  c.text = s;
  return c;
}

std::string format_double(double d) {
  if (std::isnan(d)) return "nan";  // normalised: sign and payload are not compared
  if (d == 0 && std::signbit(d)) return "-0";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  bool neg = d < 0;
  Candidate f = candidate(std::fabs(d), false), e = candidate(std::fabs(d), true);
  const Candidate& pick = f.err == e.err ? (e.text.size() < f.text.size() ? e : f) : (e.err < f.err ? e : f);
  std::string s = pick.text;
  if (!s.empty() && s[0] == '.') s = "0" + s;
  return (neg ? "-" : "") + s;
}

// ---- trap classes ----

std::string trap_class(const std::string& m) {
  auto has = [&](const char* s) { return m.find(s) != std::string::npos; };
  if (has("defaultable")) return "non-defaultable-param";
  if (has("unreachable")) return "unreachable";
  if (has("stack exhausted") || has("GC heap limit")) return "";  // resource limits: see host_limit
  if (has("null") || has("uninitialized element")) return "null";
  if (has("cast") || has("indirect call type mismatch") || has("non-subtype") || has("non-function"))
    return "cast";
  if (has("out of bounds") || has("oob") || has("final > memory") || has("undefined element") ||
      has("dropped segment"))
    return "oob";
  if (has("by 0") || has("divide by zero")) return "div-zero";
  if (has("overflow")) return "overflow";
  if (has("of nan") || has("invalid conversion")) return "invalid-conversion";
  return "other: " + m;
}

std::string trap_line(const std::string& message) {
  std::string c = trap_class(message);
  return c.empty() ? "[host limit]" : "[trap " + c + "]";
}

// ---- --normalize: binaryen's transcript ----

std::string normalize_token(const std::string& tok) {
  std::string core = tok, tail;
  while (!core.empty() && core.back() == ']') {
    tail += ']';
    core.pop_back();
  }
  std::string bare = core[0] == '-' ? core.substr(1) : core;
  if (bare.rfind("nan", 0) == 0) return "nan" + tail;
  return tok;
}

int normalize_file(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "gc_diff_host: cannot read %s\n", path);
    return 2;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("[trap ", 0) == 0 && line.back() == ']') {
      std::cout << trap_line(line.substr(6, line.size() - 7)) << '\n';
      continue;
    }
    if (line.rfind("[host limit", 0) == 0) {
      std::cout << "[host limit]\n";
      continue;
    }
    std::istringstream words(line);
    std::string tok, out;
    bool first = true;
    while (words >> tok) {
      out += (first ? "" : " ") + normalize_token(tok);
      first = false;
    }
    std::cout << out << '\n';
  }
  return 0;
}

// ---- running a module ----

struct Host {
  Engine* engine = nullptr;
  Store* store = nullptr;
  std::shared_ptr<const wasm::Module> module;
  Instance instance;
  bool have_instance = false;
  bool in_start = false;
  uint32_t temp_ret0 = 0;  // env.setTempRet0 / getTempRet0 (JS legalisation of i64 results)
  Tag wasm_tag, js_tag;

  runtime::StoreData& sd() { return store->data_internal(); }

  // The top of a reference type's hierarchy, for the JS-boundary rules: 'f' func, 'e' extern, 'x' exn,
  // 'a' any. `m` resolves type indices (nullptr for host function types, which are abstract).
  static char top_of(wasm::ValType t, const wasm::Module* m) {
    uint32_t h = t.heap();
    if (!wasm::is_abstract_heap(h)) return m && !m->is_func_type(h) ? 'a' : 'f';
    switch (wasm::HeapKind(h)) {
      case wasm::HeapKind::func:
      case wasm::HeapKind::nofunc: return 'f';
      case wasm::HeapKind::extern_:
      case wasm::HeapKind::noextern: return 'e';
      case wasm::HeapKind::exn:
      case wasm::HeapKind::noexn: return 'x';
      default: return 'a';
    }
  }

  std::string print_host_extern(uint64_t host_value) {
    if (host_value == kJsErrorPayload) return "jserror";
    return "externref(" + std::to_string(host_value) + ")";
  }

  std::string print_any(uint64_t bits) {
    if (bits == 0) return "null";
    if (gc::is_i31(bits)) return "i31ref(" + std::to_string(gc::i31_get_s(bits)) + ")";
    const gc::ObjHeader* o = gc::object_of(bits);
    if (o->kind == gc::ObjKind::ExternBox) {
      uint64_t ext;
      std::memcpy(&ext, o->payload(), 8);
      return print_extern(ext);
    }
    return "object(null)";
  }

  // Raw externref bits: a host value v + 1, or an AnyBox (an externalised anyref).
  std::string print_extern(uint64_t bits) {
    if (bits == 0) return "null";
    if (sd().gc_heap) {
      auto& heap = static_cast<gc::Heap&>(*sd().gc_heap);
      if (heap.contains(bits) && gc::object_of(bits)->kind == gc::ObjKind::AnyBox) {
        uint64_t any;
        std::memcpy(&any, gc::object_of(bits)->payload(), 8);
        return print_any(any);
      }
    }
    return print_host_extern(bits - 1);
  }

  std::string print_value(const Val& v) {
    char buf[64];
    switch (v.kind()) {
      case ValKind::i32: return std::to_string(v.as_i32());
      case ValKind::i64: return std::to_string(v.as_i64());
      case ValKind::f32: return format_double(double(v.as_f32()));
      case ValKind::f64: return format_double(v.as_f64());
      case ValKind::v128: {
        auto b = v.as_v128();
        std::string s = "i32x4";
        for (int i = 0; i < 16; i += 4) {
          uint32_t lane = uint32_t(b[i]) | uint32_t(b[i + 1]) << 8 | uint32_t(b[i + 2]) << 16 | uint32_t(b[i + 3]) << 24;
          std::snprintf(buf, sizeof buf, " 0x%08x", lane);
          s += buf;
        }
        return s;
      }
      case ValKind::funcref: return v.is_null() ? "null" : "function";
      case ValKind::exnref: return v.is_null() ? "null" : "object(null)";
      case ValKind::externref: {
        uint64_t bits;
        std::memcpy(&bits, v.raw().bytes, 8);
        return print_extern(bits);
      }
      case ValKind::anyref:
      case ValKind::eqref:
      case ValKind::i31ref:
      case ValKind::structref:
      case ValKind::arrayref: {
        uint64_t bits;
        std::memcpy(&bits, v.raw().bytes, 8);
        return print_any(bits);
      }
    }
    return "?";
  }

  Error js_exception() {
    return exception_error(Exception{js_tag, {Val::externref(kJsErrorPayload)}}, "JS exception");
  }

  // Calls `f` as JS would (binaryen's callFunctionAsJS): zero arguments; an i64, v128, exnref or
  // non-nullable parameter, or a v128 / exnref result, throws a JS exception before the call.
  Result<void> call_as_js(const Func& f) {
    runtime::FuncInstance* fi = f.internal();
    const wasm::Module* m = fi->instance ? fi->instance->module.get() : nullptr;
    for (wasm::ValType t : fi->type->params) {
      if (t.kind() == wasm::ValKind::i64 || t.kind() == wasm::ValKind::v128) return js_exception();
      if (t.is_ref() && (!t.nullable() || top_of(t, m) == 'x')) return js_exception();
    }
    for (wasm::ValType t : fi->type->results)
      if (t.kind() == wasm::ValKind::v128 || (t.is_ref() && top_of(t, m) == 'x')) return js_exception();
    Result<FuncType> ft = f.type(*store);
    if (!ft.ok()) return std::move(ft.error());
    std::vector<Val> args;
    for (ValType p : ft.value().params()) args.push_back(Val::zero(p));
    Result<std::vector<Val>> r = f.call(*store, args);
    if (!r.ok()) return std::move(r.error());
    return {};
  }

  Result<void> call_export_index(int32_t index) {
    if (in_start || !have_instance) return js_exception();
    if (index < 0 || size_t(index) >= module->exports.size()) return js_exception();
    const wasm::Export& e = module->exports[size_t(index)];
    if (e.kind != wasm::ExternKind::func) return js_exception();
    std::optional<Func> f = instance.get_func(*store, e.name);
    if (!f) return js_exception();
    return call_as_js(*f);
  }

  Result<void> call_ref(const Val& ref) {
    std::optional<Func> f = ref.as_funcref();
    if (!f) return js_exception();
    return call_as_js(*f);
  }

  std::optional<Table> exported_table() {
    if (in_start || !have_instance) return std::nullopt;
    for (const wasm::Export& e : module->exports)
      if (e.kind == wasm::ExternKind::table && e.name == "table") return instance.get_table(*store, "table");
    return std::nullopt;
  }

  // The fuzzing-support import `name` of type `type`.
  HostFunc make_import(const std::string& name) {
    if (name.rfind("log", 0) == 0) {
      bool branch = name == "log-branch";
      return [this, branch](Caller&, std::span<const Val> args, std::span<Val> results) -> Result<void> {
        std::string line = branch ? "[LoggingExternalInterface log-branch" : "[LoggingExternalInterface logging";
        for (const Val& a : args) {
          if (a.kind() == ValKind::i64) {
            // binaryen logs an i64 as its low and high i32 halves (what JS legalisation would pass).
            line += " " + std::to_string(int32_t(uint32_t(a.as_i64()))) + " " +
                    std::to_string(int32_t(uint32_t(uint64_t(a.as_i64()) >> 32)));
          } else {
            line += " " + print_value(a);
          }
        }
        std::cout << line << "]\n";
        if (branch && !results.empty() && !args.empty()) results[0] = args[0];
        return {};
      };
    }
    if (name == "throw") {
      return [this](Caller&, std::span<const Val> args, std::span<Val>) -> Result<void> {
        int32_t v = args.empty() ? 0 : args[0].as_i32();
        if (v == 0) return js_exception();
        return exception_error(Exception{wasm_tag, {Val::i32(v)}});
      };
    }
    if (name == "table-get") {
      return [this](Caller&, std::span<const Val> args, std::span<Val> results) -> Result<void> {
        std::optional<Table> t = exported_table();
        if (!t) return js_exception();
        Result<Val> v = t->get(*store, uint32_t(args[0].as_i32()));
        if (!v.ok()) return js_exception();
        if (!results.empty()) results[0] = v.value();
        return {};
      };
    }
    if (name == "table-set") {
      return [this](Caller&, std::span<const Val> args, std::span<Val>) -> Result<void> {
        std::optional<Table> t = exported_table();
        if (!t) return js_exception();
        runtime::TableInstance* ti = t->internal();
        uint32_t i = uint32_t(args[0].as_i32());
        if (i >= ti->elems.size()) return js_exception();
        // binaryen stores without a type check; so does this (the slot's raw bits).
        uint64_t bits;
        std::memcpy(&bits, args[1].raw().bytes, 8);
        ti->elems[i] = bits;
        return {};
      };
    }
    if (name == "call-export" || name == "call-export-catch") {
      bool catching = name == "call-export-catch";
      return [this, catching](Caller&, std::span<const Val> args, std::span<Val> results) -> Result<void> {
        Result<void> r = call_export_index(args[0].as_i32());
        if (!catching) return r;
        if (!r.ok() && r.error().kind != ErrorKind::Exception) return r;
        results[0] = Val::i32(r.ok() ? 0 : 1);
        return {};
      };
    }
    if (name == "call-ref" || name == "call-ref-catch") {
      bool catching = name == "call-ref-catch";
      return [this, catching](Caller&, std::span<const Val> args, std::span<Val> results) -> Result<void> {
        Result<void> r = call_ref(args[0]);
        if (!catching) return r;
        if (!r.ok() && r.error().kind != ErrorKind::Exception) return r;
        results[0] = Val::i32(r.ok() ? 0 : 1);
        return {};
      };
    }
    if (name == "sleep") {
      return [](Caller&, std::span<const Val> args, std::span<Val> results) -> Result<void> {
        if (!results.empty() && args.size() > 1) results[0] = args[1];  // no sleeping: the id back
        return {};
      };
    }
    return [name](Caller&, std::span<const Val>, std::span<Val>) -> Result<void> {
      return Error::trap("unknown fuzzer import " + name);
    };
  }

  // The "env" imports binaryen's own passes add (--fuzz-passes, legalisation); binaryen ignores others.
  HostFunc make_env_import(const std::string& name) {
    if (name == "setTempRet0") {
      return [this](Caller&, std::span<const Val> args, std::span<Val>) -> Result<void> {
        if (!args.empty()) temp_ret0 = uint32_t(args[0].as_i32());
        return {};
      };
    }
    if (name == "getTempRet0") {
      return [this](Caller&, std::span<const Val>, std::span<Val> results) -> Result<void> {
        if (!results.empty()) results[0] = Val::i32(int32_t(temp_ret0));
        return {};
      };
    }
    if (name == "log_execution") {
      return [](Caller&, std::span<const Val> args, std::span<Val>) -> Result<void> {
        std::string line = "[LoggingExternalInterface log-execution";
        for (const Val& a : args) line += " " + std::to_string(a.as_i32());
        std::cout << line << "]\n";
        return {};
      };
    }
    return [](Caller&, std::span<const Val>, std::span<Val>) -> Result<void> { return {}; };
  }

  std::string tag_name(const Tag& t) {
    if (t.internal() == wasm_tag.internal()) return "imported-wasm-tag";
    if (t.internal() == js_tag.internal()) return "imported-js-tag";
    // binaryen names a module's own tags tag$N, N counting the defined tags only.
    if (have_instance) {
      runtime::InstanceData* inst = instance.internal();
      for (size_t i = 0; i < inst->tags.size(); ++i)
        if (inst->tags[i] == t.internal() && i >= module->num_imported_tags)
          return "tag$" + std::to_string(i - module->num_imported_tags);
    }
    return "<unknown tag>";
  }

  void print_error(const Error& e) {
    if (e.kind == ErrorKind::Exception && e.exception) {
      std::string line = "[exception thrown: " + tag_name(e.exception->tag);
      for (const Val& v : e.exception->payload) line += " " + print_value(v);
      std::cout << line << "]\n";
    } else if (e.kind == ErrorKind::Trap || e.kind == ErrorKind::Exhaustion) {
      std::cout << trap_line(e.message) << "\n";
    } else {
      std::cout << "[wisp error: " << error_kind_name(e.kind) << ": " << e.message << "]\n";
    }
  }

  int run(const std::vector<uint8_t>& bytes) {
    Result<Module> compiled = Module::compile(*engine, std::span<const uint8_t>(bytes));
    if (!compiled.ok()) {
      std::cout << "[wisp rejects the module: " << error_kind_name(compiled.error().kind) << ": "
                << compiled.error().message << "]\n";
      return 0;
    }
    Module mod = compiled.value();
    module = mod.impl().module;
    Result<Tag> wt = Tag::create(*store, TagType{{ValType::i32()}});
    Result<Tag> jt = Tag::create(*store, TagType{{ValType::externref()}});
    if (!wt.ok() || !jt.ok()) return 2;
    wasm_tag = wt.value();
    js_tag = jt.value();

    Linker linker(*engine);
    for (const wasm::Import& imp : module->imports) {
      Result<void> r;
      if ((imp.module == "fuzzing-support" || imp.module == "env") && imp.kind == wasm::ExternKind::func) {
        const wasm::FuncType& wt_ = module->types[imp.func_type];
        std::vector<ValType> ps, rs;
        for (wasm::ValType t : wt_.params) ps.push_back(runtime::public_kind(sd(), t));
        for (wasm::ValType t : wt_.results) rs.push_back(runtime::public_kind(sd(), t));
        r = linker.func_new(imp.module, imp.name, FuncType(ps, rs),
                            imp.module == "env" ? make_env_import(imp.name) : make_import(imp.name));
      } else if (imp.module == "fuzzing-support" && imp.kind == wasm::ExternKind::tag) {
        r = linker.define(imp.module, imp.name, imp.name == "jstag" ? js_tag : wasm_tag);
      } else if (imp.kind == wasm::ExternKind::global && !imp.global.mut && imp.global.type.is_ref() &&
                 top_of(imp.global.type, module.get()) == 'e') {
        // binaryen synthesises immutable externref globals: the payload hashes the import's names.
        uint64_t payload = 0;
        for (const std::string* s : {&imp.module, &imp.name})
          for (unsigned char c : *s) payload = (payload + c) % 251;
        runtime::GlobalInstance* g =
            runtime::create_global(sd(), imp.global, runtime::Value::from_ref(payload + 1));
        r = linker.define(imp.module, imp.name, Global(store->id(), g));
      } else {
        std::cout << "[wisp host: unsupported import " << imp.module << "." << imp.name << "]\n";
        return 0;
      }
      if (!r.ok()) {
        std::cout << "[wisp host: " << r.error().message << "]\n";
        return 0;
      }
    }
    in_start = true;
    Result<Instance> inst = linker.instantiate(*store, mod);
    in_start = false;
    if (!inst.ok()) {
      const Error& e = inst.error();
      if (e.kind == ErrorKind::Exception) {
        std::cout << "[exception thrown: failed to instantiate module]\n";
      } else {
        print_error(e);
      }
      return 0;
    }
    instance = inst.value();
    have_instance = true;

    for (const wasm::Export& e : module->exports) {
      if (e.kind == wasm::ExternKind::func) {
        std::cout << "[fuzz-exec] export " << e.name << "\n";
        std::optional<Func> f = instance.get_func(*store, e.name);
        if (!f) return 2;
        bool defaultable = true;
        for (wasm::ValType t : f->internal()->type->params) defaultable &= !t.is_ref() || t.nullable();
        if (!defaultable) {
          std::cout << trap_line("fuzzer can only send defaultable parameters to exports") << "\n";
          continue;
        }
        Result<FuncType> ft = f->type(*store);
        if (!ft.ok()) return 2;
        std::vector<Val> args;
        for (ValType p : ft.value().params()) args.push_back(Val::zero(p));
        Result<std::vector<Val>> r = f->call(*store, args);
        if (!r.ok()) {
          print_error(r.error());
          continue;
        }
        if (!r.value().empty()) {
          std::cout << "[fuzz-exec] note result: " << e.name << " => ";
          for (const Val& v : r.value()) std::cout << print_value(v) << "\n";
        }
      } else if (e.kind == wasm::ExternKind::global) {
        std::cout << "[fuzz-exec] export " << e.name << "\n";
        std::optional<Global> g = instance.get_global(*store, e.name);
        if (!g) return 2;
        Result<Val> v = g->get(*store);
        if (!v.ok()) return 2;
        std::cout << "[LoggingExternalInterface logging " << print_value(v.value()) << "]\n";
      }
    }
    return 0;
  }
};

int usage() {
  std::fprintf(stderr,
               "usage: gc_diff_host [--tier interp|jit|auto] [--dispatch loop|tailcall] "
               "[--tier-up-threshold N] [--gc-stress] [--stats] MODULE.wasm\n"
               "       gc_diff_host --normalize BINARYEN_OUTPUT\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Config config;
  config.tier = Config::Tier::interp;
  const char* path = nullptr;
  bool gc_stress = false, stats = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--normalize" && i + 1 < argc) return normalize_file(argv[i + 1]);
    if (a == "--tier" && i + 1 < argc) {
      std::string t = argv[++i];
      config.tier = t == "jit" ? Config::Tier::jit : t == "auto" ? Config::Tier::automatic : Config::Tier::interp;
    } else if (a == "--dispatch" && i + 1 < argc) {
      std::string d = argv[++i];
      config.dispatch = d == "loop" ? Config::Dispatch::loop : Config::Dispatch::tailcall;
    } else if (a == "--stats") {
      stats = true;
    } else if (a == "--gc-stress") {
      gc_stress = true;
    } else if (a == "--tier-up-threshold" && i + 1 < argc) {
      config.tier_up_threshold = uint32_t(std::stoul(argv[++i]));
    } else if (!a.empty() && a[0] != '-' && !path) {
      path = argv[i];
    } else {
      return usage();
    }
  }
  if (!path) return usage();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "gc_diff_host: cannot read %s\n", path);
    return 2;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Engine engine(config);
  Store store(engine);
  if (gc_stress) gc::heap_of(store.data_internal()).set_min_trigger(0);
  Host host;
  host.engine = &engine;
  host.store = &store;
  int rc = host.run(bytes);
  std::cout.flush();
  if (stats && store.data_internal().gc_heap) {
    const gc::HeapStats& h = gc::heap_of(store.data_internal()).stats();
    std::fprintf(stderr, "gc_diff_host: %llu collections, %llu bytes allocated, %llu freed objects\n",
                 (unsigned long long)h.collections, (unsigned long long)h.allocated_bytes,
                 (unsigned long long)h.freed_objects);
  }
  return rc;
}
