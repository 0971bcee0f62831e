#include "api/internal.h"
#include "runtime/public_kind.h"

namespace wisp {

const char* val_kind_name(ValKind kind) {
  switch (kind) {
    case ValKind::i32: return "i32";
    case ValKind::i64: return "i64";
    case ValKind::f32: return "f32";
    case ValKind::f64: return "f64";
    case ValKind::v128: return "v128";
    case ValKind::funcref: return "funcref";
    case ValKind::externref: return "externref";
    case ValKind::exnref: return "exnref";
    case ValKind::anyref: return "anyref";
    case ValKind::eqref: return "eqref";
    case ValKind::i31ref: return "i31ref";
    case ValKind::structref: return "structref";
    case ValKind::arrayref: return "arrayref";
  }
  return "?";
}

const char* extern_kind_name(ExternKind kind) {
  switch (kind) {
    case ExternKind::func: return "func";
    case ExternKind::table: return "table";
    case ExternKind::memory: return "memory";
    case ExternKind::global: return "global";
    case ExternKind::tag: return "tag";
  }
  return "?";
}

std::string FuncType::to_string() const {
  std::string s = "(";
  for (size_t i = 0; i < params_.size(); ++i) s += (i ? ", " : "") + params_[i].name();
  s += ") -> (";
  for (size_t i = 0; i < results_.size(); ++i) s += (i ? ", " : "") + results_[i].name();
  return s + ")";
}

namespace detail {

ValType to_public(wasm::ValType t) { return runtime::public_kind(t); }


wasm::ValType to_wasm(ValType t) {
  switch (t.kind()) {
    case ValKind::i32: return wasm::ValType::i32();
    case ValKind::i64: return wasm::ValType::i64();
    case ValKind::f32: return wasm::ValType::f32();
    case ValKind::f64: return wasm::ValType::f64();
    case ValKind::v128: return wasm::ValType::v128();
    case ValKind::funcref: return wasm::ValType::funcref();
    case ValKind::externref: return wasm::ValType::externref();
    case ValKind::exnref: return wasm::ValType::exnref();
    case ValKind::anyref: return wasm::ValType::ref(uint32_t(wasm::HeapKind::any), true);
    case ValKind::eqref: return wasm::ValType::ref(uint32_t(wasm::HeapKind::eq), true);
    case ValKind::i31ref: return wasm::ValType::ref(uint32_t(wasm::HeapKind::i31), true);
    case ValKind::structref: return wasm::ValType::ref(uint32_t(wasm::HeapKind::struct_), true);
    case ValKind::arrayref: return wasm::ValType::ref(uint32_t(wasm::HeapKind::array), true);
  }
  return wasm::ValType::i32();
}

FuncType to_public(const wasm::FuncType& t) {
  FuncType r;
  for (wasm::ValType v : t.params) r.params_.push_back(to_public(v));
  for (wasm::ValType v : t.results) r.results_.push_back(to_public(v));
  return r;
}

wasm::FuncType to_wasm(const FuncType& t) {
  wasm::FuncType r;
  for (ValType v : t.params()) r.params.push_back(to_wasm(v));
  for (ValType v : t.results()) r.results.push_back(to_wasm(v));
  return r;
}

Limits to_public(const wasm::Limits& l) { return Limits{l.min, l.max}; }

TableType to_public(const wasm::TableType& t) {
  return TableType{to_public(t.elem), to_public(t.limits), t.limits.is64};
}

wasm::TableType to_wasm(const TableType& t) {
  wasm::TableType r;
  r.elem = to_wasm(t.elem);
  r.limits.min = t.limits.min;
  r.limits.max = t.limits.max;
  r.limits.is64 = t.is64;
  return r;
}

MemoryType to_public(const wasm::MemoryType& t) {
  MemoryType r;
  r.limits = to_public(t.limits);
  r.is64 = t.limits.is64;
  r.shared = t.limits.shared;
  return r;
}

wasm::MemoryType to_wasm(const MemoryType& t) {
  wasm::MemoryType r;
  r.limits.min = t.limits.min;
  r.limits.max = t.limits.max;
  r.limits.is64 = t.is64;
  r.limits.shared = t.shared;
  return r;
}

GlobalType to_public(const wasm::GlobalType& t) {
  return GlobalType{to_public(t.type), t.mut ? Mutability::var : Mutability::constant};
}

wasm::GlobalType to_wasm(const GlobalType& t) {
  wasm::GlobalType r;
  r.type = to_wasm(t.content);
  r.mut = t.is_mutable();
  return r;
}

Error wrong_store() { return Error::usage("object used with a store it does not belong to"); }
Error empty_handle() { return Error::usage("empty handle"); }

namespace {
// A GC reference of kind `v` fits `expected` by the value it holds: its object's kind, or i31.
bool gc_value_fits(const Val& v, ValKind expected) {
  if (v.is_null() || expected == ValKind::anyref) return true;
  uint64_t bits = to_value(v).ref();
  if (bits & 1) return expected == ValKind::eqref || expected == ValKind::i31ref;
  gc::ObjKind k = gc::object_of(bits)->kind;
  switch (expected) {
    case ValKind::eqref: return k == gc::ObjKind::Struct || k == gc::ObjKind::Array;
    case ValKind::structref: return k == gc::ObjKind::Struct;
    case ValKind::arrayref: return k == gc::ObjKind::Array;
    default: return false;
  }
}
}  // namespace

Result<void> check_val(const Store& store, const Val& v, ValType expected) {
  if (v.is_gc_ref() && expected.kind() >= ValKind::anyref) {
    if (!gc_value_fits(v, expected.kind()))
      return Error::usage(std::string("value of type ") + val_kind_name(v.kind()) + " where " +
                          val_kind_name(expected.kind()) + " is expected");
    if (!v.is_null() && !v.as_i31() && v.store_id() != store.id()) return wrong_store();
    return {};
  }
  if (v.kind() != expected.kind())
    return Error::usage(std::string("value of type ") + val_kind_name(v.kind()) + " where " +
                        val_kind_name(expected.kind()) + " is expected");
  if (v.kind() == ValKind::funcref && !v.is_null() && v.store_id() != store.id()) return wrong_store();
  return {};
}

Result<void> check_val(const Store& store, const Val& v, wasm::ValType expected) {
  WISP_TRY(check_val(store, v, ValType(runtime::public_kind(store.data_internal(), expected))));
  if (!expected.is_ref()) return {};
  if (v.is_null()) {
    if (!expected.nullable()) return Error::usage("null reference where a non-nullable reference is expected");
    return {};
  }
  if (!wasm::is_abstract_heap(expected.heap()) && v.is_gc_ref()) {
    uint64_t bits = to_value(v).ref();
    if ((bits & 1) || gc::object_of(bits)->type_id != expected.heap())
      return Error::usage("value of another type than the reference type names");
  }
  if (!wasm::is_abstract_heap(expected.heap()) && v.kind() == ValKind::funcref) {
    auto* f = reinterpret_cast<const runtime::FuncInstance*>(to_value(v).ref());
    if (f->type_id != expected.heap()) return Error::usage("function of another type than the reference type names");
  }
  return {};
}

}  // namespace detail
}  // namespace wisp
