#include "api/internal.h"
#include "wisp/extern.h"

namespace wisp {

ExternType Extern::type(Store& store) const {
  switch (kind()) {
    case ExternKind::func: return ExternType::of(std::get<Func>(v_).type(store));
    case ExternKind::table: return ExternType::of(std::get<Table>(v_).type(store));
    case ExternKind::memory: return ExternType::of(std::get<Memory>(v_).type(store));
    case ExternKind::global: return ExternType::of(std::get<Global>(v_).type(store));
  }
  return {};
}

uint64_t Extern::store_id() const {
  return std::visit([](const auto& x) { return x.store_id(); }, v_);
}

}  // namespace wisp
