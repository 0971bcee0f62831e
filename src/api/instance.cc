#include "api/internal.h"
#include "runtime/instantiate.h"
#include "wisp/instance.h"

namespace wisp {

namespace detail {

Extern export_extern(Store& store, runtime::InstanceData* inst, const wasm::Export& e) {
  uint64_t id = store.id();
  switch (e.kind) {
    case wasm::ExternKind::func: return Func(id, inst->funcs[e.index]);
    case wasm::ExternKind::table: return Table(id, inst->tables[e.index]);
    case wasm::ExternKind::memory: return Memory(id, inst->memories[e.index]);
    case wasm::ExternKind::global: return Global(id, inst->globals[e.index]);
    case wasm::ExternKind::tag: return Tag(id, inst->tags[e.index]);
  }
  return {};
}

std::optional<Extern> find_export(Store& store, runtime::InstanceData* inst, std::string_view name) {
  for (const wasm::Export& e : inst->module->exports)
    if (e.name == name) return export_extern(store, inst, e);
  return std::nullopt;
}

}  // namespace detail

Result<Instance> Instance::create(Store& store, const Module& module, std::span<const Extern> imports) {
  if (module.engine().impl() != store.engine().impl())
    return Error::usage("module and store belong to different engines");
  std::vector<runtime::ExternRef> refs;
  refs.reserve(imports.size());
  for (const Extern& e : imports) {
    if (e.store_id() != store.id()) return detail::wrong_store();
    switch (e.kind()) {
      case ExternKind::func: refs.push_back(runtime::ExternRef::of(e.func()->internal())); break;
      case ExternKind::table: refs.push_back(runtime::ExternRef::of(e.table()->internal())); break;
      case ExternKind::memory: refs.push_back(runtime::ExternRef::of(e.memory()->internal())); break;
      case ExternKind::global: refs.push_back(runtime::ExternRef::of(e.global()->internal())); break;
      case ExternKind::tag: refs.push_back(runtime::ExternRef::of(e.tag()->internal())); break;
    }
    if (!refs.back().ptr) return detail::empty_handle();
  }
  const detail::ModuleImpl& impl = module.impl();
  Result<runtime::InstanceData*> inst = runtime::instantiate(store.data_internal(), impl.module, impl.code, refs);
  if (!inst.ok()) return std::move(inst.error());
  return Instance(store.id(), *inst);
}

std::optional<Extern> Instance::get_export(Store& store, std::string_view name) const {
  if (!inst_ || store_id_ != store.id()) return std::nullopt;
  return detail::find_export(store, inst_, name);
}

std::optional<Func> Instance::get_func(Store& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  return e ? e->func() : std::nullopt;
}

std::optional<Memory> Instance::get_memory(Store& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  return e ? e->memory() : std::nullopt;
}

std::optional<Table> Instance::get_table(Store& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  return e ? e->table() : std::nullopt;
}

std::optional<Global> Instance::get_global(Store& store, std::string_view name) const {
  std::optional<Extern> e = get_export(store, name);
  return e ? e->global() : std::nullopt;
}

std::vector<std::pair<std::string, Extern>> Instance::exports(Store& store) const {
  std::vector<std::pair<std::string, Extern>> r;
  if (!inst_ || store_id_ != store.id()) return r;
  for (const wasm::Export& e : inst_->module->exports) r.emplace_back(e.name, detail::export_extern(store, inst_, e));
  return r;
}

}  // namespace wisp
