#include <atomic>
#include <string>
#include <unordered_map>

#include "api/internal.h"
#include "runtime/instance_data.h"
#include "wisp/linker.h"

namespace wisp {

namespace detail {

struct LinkerImpl {
  // One definition: an object of some store, or a host function created in each store on demand (the
  // store remembers it under `id`: StoreData::linker_funcs).
  struct Def {
    std::optional<Extern> item;
    FuncType type;
    HostFunc host;
    RawHostFunc raw_host;
    uint64_t id = 0;
  };

  Engine engine;
  bool shadowing = false;
  std::unordered_map<std::string, Def> defs;

  static std::string key(std::string_view module, std::string_view name) {
    std::string k;
    k.reserve(module.size() + name.size() + 1);
    k.append(module).push_back('\0');
    k.append(name);
    return k;
  }

  Result<void> add(std::string_view module, std::string_view name, Def def) {
    auto [it, inserted] = defs.try_emplace(key(module, name));
    if (!inserted && !shadowing)
      return Error::unlinkable("import " + std::string(module) + "::" + std::string(name) + " defined twice");
    // Ids are process-wide and never reused, so a store never finds another definition's function.
    static std::atomic<uint64_t> next_id{1};
    def.id = next_id.fetch_add(1, std::memory_order_relaxed);
    it->second = std::move(def);
    return {};
  }
};

}  // namespace detail

Linker::Linker(const Engine& engine) : impl_(std::make_unique<detail::LinkerImpl>()) { impl_->engine = engine; }
Linker::~Linker() = default;
Linker::Linker(Linker&&) noexcept = default;
Linker& Linker::operator=(Linker&&) noexcept = default;

void Linker::allow_shadowing(bool allow) { impl_->shadowing = allow; }

Result<void> Linker::define(std::string_view module, std::string_view name, const Extern& item) {
  detail::LinkerImpl::Def def;
  def.item = item;
  return impl_->add(module, name, std::move(def));
}

Result<void> Linker::func_new(std::string_view module, std::string_view name, const FuncType& type, HostFunc fn) {
  detail::LinkerImpl::Def def;
  def.type = type;
  def.host = std::move(fn);
  return impl_->add(module, name, std::move(def));
}

Result<void> Linker::func_new_raw(std::string_view module, std::string_view name, const FuncType& type,
                                  RawHostFunc fn) {
  detail::LinkerImpl::Def def;
  def.type = type;
  def.raw_host = std::move(fn);
  return impl_->add(module, name, std::move(def));
}

Result<void> Linker::define_instance(Store& store, std::string_view module, const Instance& instance) {
  if (instance.store_id() != store.id() || !instance.internal()) return detail::wrong_store();
  for (auto& [name, ext] : instance.exports(store)) {
    if (Result<void> r = define(module, name, ext); !r.ok()) return r;
  }
  return {};
}

Result<void> Linker::define_unknown_imports_as_traps(const Module& module) {
  for (const ImportType& imp : module.imports()) {
    if (imp.type.kind != ExternKind::func) continue;
    if (impl_->defs.count(detail::LinkerImpl::key(imp.module, imp.name))) continue;
    std::string msg = "unknown import: " + imp.module + "::" + imp.name + " has not been defined";
    Result<void> r = func_new_raw(imp.module, imp.name, imp.type.func,
                                  [msg](Caller&, const detail::RawVal*, detail::RawVal*) -> Result<void> {
                                    return Error::trap(msg);
                                  });
    if (!r.ok()) return r;
  }
  return {};
}

std::optional<Extern> Linker::get(Store& store, std::string_view module, std::string_view name) const {
  auto it = impl_->defs.find(detail::LinkerImpl::key(module, name));
  if (it == impl_->defs.end()) return std::nullopt;
  const detail::LinkerImpl::Def& def = it->second;
  if (def.item) return def.item;
  auto& made = store.data_internal().linker_funcs;
  auto f = made.find(def.id);
  if (f != made.end()) return Extern(Func(store.id(), f->second));
  Func fn = def.raw_host ? Func::create_raw(store, def.type, def.raw_host) : Func::create(store, def.type, def.host);
  fn.internal()->debug_name = std::string(module) + "::" + std::string(name);  // for backtraces
  made.emplace(def.id, fn.internal());
  return Extern(fn);
}

Result<Instance> Linker::instantiate(Store& store, const Module& module) const {
  std::vector<Extern> imports;
  std::vector<ImportType> types = module.imports();
  imports.reserve(types.size());
  for (const ImportType& imp : types) {
    std::optional<Extern> e = get(store, imp.module, imp.name);
    if (!e) return Error::unlinkable("unknown import: " + imp.module + "::" + imp.name);
    imports.push_back(*e);
  }
  return Instance::create(store, module, imports);
}

}  // namespace wisp
