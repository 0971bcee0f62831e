// wisp public API: Table, a table of references of a store. A small handle {store id, object}.
#pragma once
#include <cstdint>
#include <optional>

#include "wisp/error.h"
#include "wisp/store.h"
#include "wisp/types.h"
#include "wisp/val.h"

namespace wisp::runtime {
struct TableInstance;
}

namespace wisp {

class Table {
 public:
  Table() = default;  // an empty handle
  // A new table of `type` with every element set to `init` (a reference of the table's kind).
  static Result<Table> create(Store& store, const TableType& type, const Val& init);

  // limits.min is the current size. Every accessor fails (Usage) for an empty handle or one of another store.
  Result<TableType> type(Store& store) const;
  Result<uint64_t> size(Store& store) const;
  // The element at `index`, or an error ("out of bounds table access") past the end.
  Result<Val> get(Store& store, uint64_t index) const;
  Result<void> set(Store& store, uint64_t index, const Val& value) const;
  // Grows by `delta` elements set to `init`; returns the previous size, or an error.
  Result<uint64_t> grow(Store& store, uint64_t delta, const Val& init) const;

  // Internal.
  Table(uint64_t store_id, runtime::TableInstance* t) : store_id_(store_id), table_(t) {}
  uint64_t store_id() const { return store_id_; }
  runtime::TableInstance* internal() const { return table_; }
  bool operator==(const Table&) const = default;

 private:
  uint64_t store_id_ = 0;
  runtime::TableInstance* table_ = nullptr;
};

}  // namespace wisp
