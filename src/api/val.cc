#include "api/internal.h"
#include "wisp/func.h"
#include "wisp/val.h"

namespace wisp {

Val Val::funcref(std::optional<Func> func) {
  detail::RawVal r;
  if (!func || !func->internal()) return from_raw(ValKind::funcref, r, 0);
  auto bits = reinterpret_cast<runtime::RefBits>(func->internal());
  std::memcpy(r.bytes, &bits, 8);
  return from_raw(ValKind::funcref, r, func->store_id());
}

AnyRefKind Val::any_kind() const {
  if (!is_gc_ref() || is_null()) return AnyRefKind::null;
  if (bits64() & 1) return AnyRefKind::i31;
  switch (gc::object_of(bits64())->kind) {
    case gc::ObjKind::Struct: return AnyRefKind::struct_;
    case gc::ObjKind::Array: return AnyRefKind::array;
    default: return AnyRefKind::host;
  }
}

std::optional<uint64_t> Val::as_any_host() const {
  if (any_kind() != AnyRefKind::host) return std::nullopt;
  uint64_t ext;
  std::memcpy(&ext, gc::object_of(bits64())->payload(), 8);
  if (ext == 0) return std::nullopt;
  return ext - 1;
}

std::optional<Func> Val::as_funcref() const {
  if (kind_ != ValKind::funcref || is_null()) return std::nullopt;
  return Func(store_id_, reinterpret_cast<runtime::FuncInstance*>(bits64()));
}

}  // namespace wisp
