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

std::optional<Func> Val::as_funcref() const {
  if (kind_ != ValKind::funcref || is_null()) return std::nullopt;
  return Func(store_id_, reinterpret_cast<runtime::FuncInstance*>(bits64()));
}

}  // namespace wisp
