#include "api/internal.h"
#include "wisp/extern.h"

namespace wisp {

Result<ExternType> Extern::type(Store& store) const {
  return std::visit(
      [&](const auto& x) -> Result<ExternType> {
        auto t = x.type(store);
        if (!t.ok()) return std::move(t.error());
        return ExternType::of(std::move(*t));
      },
      v_);
}

uint64_t Extern::store_id() const {
  return std::visit([](const auto& x) { return x.store_id(); }, v_);
}

}  // namespace wisp
