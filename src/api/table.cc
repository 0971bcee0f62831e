#include "api/internal.h"
#include "runtime/public_kind.h"
#include "runtime/instantiate.h"
#include "wisp/table.h"

namespace wisp {

Result<Table> Table::create(Store& store, const TableType& type, const Val& init) {
  if (!type.elem.is_ref()) return Error::usage("table element type must be a reference type");
  if (type.limits.max && *type.limits.max < type.limits.min)
    return Error::usage("table minimum is larger than its maximum");
  constexpr uint64_t kMax32 = 0xFFFF'FFFF;  // a 32-bit table's indices are i32
  if (!type.is64 && (type.limits.min > kMax32 || (type.limits.max && *type.limits.max > kMax32)))
    return Error::usage("table size must be at most 2^32-1 for a 32-bit table");
  if (Result<void> r = detail::check_val(store, init, type.elem); !r.ok()) return std::move(r.error());
  Result<runtime::TableInstance*> t =
      runtime::create_table(store.data_internal(), detail::to_wasm(type), detail::to_value(init).ref());
  if (!t.ok()) return std::move(t.error());
  return Table(store.id(), *t);
}

Result<TableType> Table::type(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, table_); !r.ok()) return std::move(r.error());
  return detail::to_public(runtime::current_type(*table_));
}

Result<uint64_t> Table::size(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, table_); !r.ok()) return std::move(r.error());
  return uint64_t(table_->elems.size());
}

Result<Val> Table::get(Store& store, uint64_t index) const {
  if (Result<void> r = detail::check_handle(store, store_id_, table_); !r.ok()) return std::move(r.error());
  if (index >= table_->elems.size()) return Error::trap("out of bounds table access");
  return detail::to_val(runtime::public_kind(store.data_internal(), table_->type.elem), runtime::Value::from_ref(table_->elems[index]),
                        store.data_internal());
}

Result<void> Table::set(Store& store, uint64_t index, const Val& value) const {
  if (Result<void> r = detail::check_handle(store, store_id_, table_); !r.ok()) return r;
  if (Result<void> r = detail::check_val(store, value, table_->type.elem); !r.ok()) return r;
  if (index >= table_->elems.size()) return Error::trap("out of bounds table access");
  table_->elems[index] = detail::to_value(value).ref();
  return {};
}

Result<uint64_t> Table::grow(Store& store, uint64_t delta, const Val& init) const {
  if (Result<void> r = detail::check_handle(store, store_id_, table_); !r.ok()) return std::move(r.error());
  if (Result<void> r = detail::check_val(store, init, table_->type.elem); !r.ok())
    return std::move(r.error());
  int64_t old = runtime::table_grow(*table_, delta, detail::to_value(init).ref());
  if (old < 0) return Error::usage("failed to grow table by " + std::to_string(delta) + " elements");
  return uint64_t(old);
}

}  // namespace wisp
