// wisp public API: Instance, an instantiated module living in a store. A small handle {store id, object}.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wisp/error.h"
#include "wisp/extern.h"
#include "wisp/module.h"
#include "wisp/store.h"

namespace wisp::runtime {
struct InstanceData;
}

namespace wisp {

class Instance {
 public:
  Instance() = default;  // an empty handle
  // Instantiates `module` with `imports` given in the module's import order. Errors: Unlinkable
  // ("incompatible import type", wrong count), Trap (segment initialisation or the start function
  // trapped; per Wasm 2.0 earlier segments stay written), Usage (objects of another store/engine).
  static Result<Instance> create(Store& store, const Module& module, std::span<const Extern> imports);

  std::optional<Extern> get_export(Store& store, std::string_view name) const;
  std::optional<Func> get_func(Store& store, std::string_view name) const;
  std::optional<Memory> get_memory(Store& store, std::string_view name) const;
  std::optional<Table> get_table(Store& store, std::string_view name) const;
  std::optional<Global> get_global(Store& store, std::string_view name) const;
  // The exported function `name` with a static signature, e.g. get_typed_func<int32_t(int32_t)>(store,
  // "fac"). Usage error when there is no such export, it is no function, or its type differs (never
  // undefined behaviour, unlike dereferencing get_func's empty optional).
  template <class Sig>
  Result<TypedFunc<Sig>> get_typed_func(Store& store, std::string_view name) const {
    std::optional<Extern> e = get_export(store, name);
    if (!e) return Error::usage("unknown export \"" + std::string(name) + "\"");
    std::optional<Func> f = get_func(store, name);
    if (!f) return Error::usage("export \"" + std::string(name) + "\" is not a function");
    return f->typed<Sig>(store);
  }
  // Every export in declaration order.
  std::vector<std::pair<std::string, Extern>> exports(Store& store) const;

  // Internal.
  Instance(uint64_t store_id, runtime::InstanceData* inst) : store_id_(store_id), inst_(inst) {}
  uint64_t store_id() const { return store_id_; }
  runtime::InstanceData* internal() const { return inst_; }
  bool operator==(const Instance&) const = default;

 private:
  uint64_t store_id_ = 0;
  runtime::InstanceData* inst_ = nullptr;
};

}  // namespace wisp
