#include "api/internal.h"
#include "runtime/public_kind.h"
#include "runtime/instantiate.h"
#include "wisp/global.h"

namespace wisp {

Result<Global> Global::create(Store& store, const GlobalType& type, const Val& value) {
  if (Result<void> r = detail::check_val(store, value, type.content); !r.ok()) return std::move(r.error());
  runtime::GlobalInstance* g =
      runtime::create_global(store.data_internal(), detail::to_wasm(type), detail::to_value(value));
  return Global(store.id(), g);
}

Result<GlobalType> Global::type(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, global_); !r.ok()) return std::move(r.error());
  return detail::to_public(global_->type);
}

Result<Val> Global::get(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, global_); !r.ok()) return std::move(r.error());
  return detail::to_val(runtime::public_kind(store.data_internal(), global_->type.type), global_->value, store.data_internal());
}

Result<void> Global::set(Store& store, const Val& value) const {
  if (Result<void> r = detail::check_handle(store, store_id_, global_); !r.ok()) return r;
  if (!global_->type.mut) return Error::usage("cannot set an immutable global");
  if (Result<void> r = detail::check_val(store, value, global_->type.type); !r.ok()) return r;
  global_->value = detail::to_value(value);
  return {};
}

}  // namespace wisp
