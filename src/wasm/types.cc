#include "wasm/types.h"

namespace wisp::wasm {

std::string ValType::name() const {
  switch (kind()) {
    case ValKind::i32: return "i32";
    case ValKind::i64: return "i64";
    case ValKind::f32: return "f32";
    case ValKind::f64: return "f64";
    case ValKind::v128: return "v128";
    case ValKind::ref:
      // Shorthands: funcref, externref, ...; the bottom types' are nullfuncref etc., written out here.
      if (nullable() && is_abstract_heap(heap()) && heap() != uint32_t(HeapKind::nofunc) &&
          heap() != uint32_t(HeapKind::noextern) && heap() != uint32_t(HeapKind::noexn) &&
          heap() != uint32_t(HeapKind::none))
        return heap_type_name(heap()) + "ref";
      return std::string("(ref ") + (nullable() ? "null " : "") + heap_type_name(heap()) + ")";
  }
  return "?";
}

namespace {
struct HeapName {
  HeapKind kind;
  uint8_t byte;
  const char* name;
};
constexpr HeapName kHeapNames[] = {
    {HeapKind::func, 0x70, "func"},     {HeapKind::extern_, 0x6F, "extern"},   {HeapKind::exn, 0x69, "exn"},
    {HeapKind::noexn, 0x74, "noexn"},   {HeapKind::any, 0x6E, "any"},          {HeapKind::eq, 0x6D, "eq"},
    {HeapKind::i31, 0x6C, "i31"},       {HeapKind::struct_, 0x6B, "struct"},   {HeapKind::array, 0x6A, "array"},
    {HeapKind::none, 0x71, "none"},     {HeapKind::noextern, 0x72, "noextern"}, {HeapKind::nofunc, 0x73, "nofunc"},
};
}  // namespace

uint8_t heap_kind_byte(uint32_t heap) {
  for (const HeapName& h : kHeapNames)
    if (uint32_t(h.kind) == heap) return h.byte;
  return 0;
}

std::optional<uint32_t> heap_kind_from_byte(uint8_t b) {
  for (const HeapName& h : kHeapNames)
    if (h.byte == b) return uint32_t(h.kind);
  return std::nullopt;
}

std::string heap_type_name(uint32_t heap) {
  for (const HeapName& h : kHeapNames)
    if (uint32_t(h.kind) == heap) return h.name;
  return std::to_string(heap);
}

std::optional<ValType> valtype_from_byte(uint8_t b) {
  switch (b) {
    case kTypeI32: return ValType::i32();
    case kTypeI64: return ValType::i64();
    case kTypeF32: return ValType::f32();
    case kTypeF64: return ValType::f64();
    case kTypeV128: return ValType::v128();
    case kTypeFuncRef: return ValType::funcref();
    case kTypeExternRef: return ValType::externref();
    default: return std::nullopt;
  }
}

uint8_t valtype_to_byte(ValType t) {
  switch (t.kind()) {
    case ValKind::i32: return kTypeI32;
    case ValKind::i64: return kTypeI64;
    case ValKind::f32: return kTypeF32;
    case ValKind::f64: return kTypeF64;
    case ValKind::v128: return kTypeV128;
    case ValKind::ref:
      if (t.nullable() && is_abstract_heap(t.heap())) return heap_kind_byte(t.heap());  // funcref, exnref, ...
      return t.is_externref() ? kTypeExternRef : kTypeFuncRef;
  }
  return 0;
}

std::string FuncType::to_string() const {
  std::string s = "(";
  for (size_t i = 0; i < params.size(); ++i) s += (i ? ", " : "") + params[i].name();
  s += ") -> (";
  for (size_t i = 0; i < results.size(); ++i) s += (i ? ", " : "") + results[i].name();
  return s + ")";
}

const char* extern_kind_name(ExternKind k) {
  switch (k) {
    case ExternKind::func: return "func";
    case ExternKind::table: return "table";
    case ExternKind::memory: return "memory";
    case ExternKind::global: return "global";
    case ExternKind::tag: return "tag";
  }
  return "?";
}

}  // namespace wisp::wasm
