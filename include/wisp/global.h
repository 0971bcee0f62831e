// wisp public API: Global, a global variable of a store. A small handle {store id, object}.
#pragma once
#include <cstdint>

#include "wisp/error.h"
#include "wisp/store.h"
#include "wisp/types.h"
#include "wisp/val.h"

namespace wisp::runtime {
struct GlobalInstance;
}

namespace wisp {

class Global {
 public:
  Global() = default;  // an empty handle
  // A new global of `type` holding `value` (whose kind must be the type's).
  static Result<Global> create(Store& store, const GlobalType& type, const Val& value);

  // The type and the value; a Usage error for an empty handle or one of another store (as for every
  // accessor of a handle).
  Result<GlobalType> type(Store& store) const;
  Result<Val> get(Store& store) const;
  // Fails (Usage) for an immutable global, a value of another kind, or a wrong store.
  Result<void> set(Store& store, const Val& value) const;

  // Internal.
  Global(uint64_t store_id, runtime::GlobalInstance* g) : store_id_(store_id), global_(g) {}
  uint64_t store_id() const { return store_id_; }
  runtime::GlobalInstance* internal() const { return global_; }
  bool operator==(const Global&) const = default;

 private:
  uint64_t store_id_ = 0;
  runtime::GlobalInstance* global_ = nullptr;
};

}  // namespace wisp
