// wisp public API: Linker, name-based import resolution. Holds definitions (module, name) -> object;
// host functions defined with func_wrap/func_new are created lazily in each store that instantiates
// (the store keeps them). So one Linker, set up once per engine (WASI included: add_wasi_to_linker in
// wisp/wasi.h), serves any number of stores, and outlives or predeceases them freely; get/instantiate
// do not modify it and may run on several threads at once, each with its own store.
#pragma once
#include <memory>
#include <optional>
#include <string_view>

#include "wisp/engine.h"
#include "wisp/error.h"
#include "wisp/extern.h"
#include "wisp/func.h"
#include "wisp/instance.h"
#include "wisp/module.h"
#include "wisp/store.h"

namespace wisp {

namespace detail {
struct LinkerImpl;
}

class Linker {
 public:
  explicit Linker(const Engine& engine);
  ~Linker();
  Linker(Linker&&) noexcept;
  Linker& operator=(Linker&&) noexcept;

  // Whether a later definition of the same (module, name) replaces the earlier one (default: error).
  void allow_shadowing(bool allow);

  // Defines an object of some store (instantiating in another store fails with Usage).
  Result<void> define(std::string_view module, std::string_view name, const Extern& item);
  // Defines a host function for every store.
  Result<void> func_new(std::string_view module, std::string_view name, const FuncType& type, HostFunc fn);
  Result<void> func_new_raw(std::string_view module, std::string_view name, const FuncType& type,
                            RawHostFunc fn);
  // Defines a host function whose type is deduced from `f` (see Func::wrap).
  template <class F>
  Result<void> func_wrap(std::string_view module, std::string_view name, F&& f) {
    using Adapter = detail::HostAdapter<std::decay_t<F>>;
    return func_new_raw(module, name, Adapter::type(),
                        [fn = std::decay_t<F>(std::forward<F>(f))](Caller& c, const detail::RawVal* args,
                                                                 detail::RawVal* results) mutable {
                          return Adapter::invoke(fn, c, args, results);
                        });
  }
  // Defines every export of `instance` under the module name `module` (the spec scripts' `register`).
  Result<void> define_instance(Store& store, std::string_view module, const Instance& instance);
  // Defines every function import of `module` not yet defined as a host function that traps.
  Result<void> define_unknown_imports_as_traps(const Module& module);

  // Looks up a definition (host functions are created in `store` if needed).
  std::optional<Extern> get(Store& store, std::string_view module, std::string_view name) const;

  // Resolves every import of `module` by name and instantiates it. A missing definition is Unlinkable
  // "unknown import: MODULE::NAME"; a mismatching one "incompatible import type".
  Result<Instance> instantiate(Store& store, const Module& module) const;

 private:
  std::unique_ptr<detail::LinkerImpl> impl_;
};

}  // namespace wisp
