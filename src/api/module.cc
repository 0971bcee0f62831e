#include "api/internal.h"
#include "binary/module_decoder.h"
#include "validate/module_validator.h"
#include "wisp/module.h"

namespace wisp {

namespace {

Result<std::shared_ptr<wasm::Module>> decode_and_validate(std::vector<uint8_t> wasm, Features features) {
  Result<std::shared_ptr<wasm::Module>> m = binary::decode_module(std::move(wasm), features);
  if (!m.ok()) return m;
  if (Result<void> r = validate::validate_module(**m); !r.ok()) return std::move(r.error());
  return m;
}

ExternType import_type(const wasm::Module& m, const wasm::Import& imp) {
  switch (imp.kind) {
    case wasm::ExternKind::func: return ExternType::of(detail::to_public(m.types[imp.func_type]));
    case wasm::ExternKind::table: return ExternType::of(detail::to_public(imp.table));
    case wasm::ExternKind::memory: return ExternType::of(detail::to_public(imp.memory));
    case wasm::ExternKind::global: return ExternType::of(detail::to_public(imp.global));
    case wasm::ExternKind::tag: return ExternType::of(TagType{detail::to_public(m.types[imp.tag_type]).params()});
  }
  return {};
}

ExternType export_type(const wasm::Module& m, const wasm::Export& e) {
  switch (e.kind) {
    case wasm::ExternKind::func: return ExternType::of(detail::to_public(m.func_type(e.index)));
    case wasm::ExternKind::table: return ExternType::of(detail::to_public(m.tables[e.index]));
    case wasm::ExternKind::memory: return ExternType::of(detail::to_public(m.memories[e.index]));
    case wasm::ExternKind::global: return ExternType::of(detail::to_public(m.globals[e.index]));
    case wasm::ExternKind::tag: return ExternType::of(TagType{detail::to_public(m.tag_type(e.index)).params()});
  }
  return {};
}

}  // namespace

Result<Module> Module::compile(const Engine& engine, std::span<const uint8_t> wasm) {
  return compile(engine, std::vector<uint8_t>(wasm.begin(), wasm.end()));
}

Result<Module> Module::compile(const Engine& engine, std::vector<uint8_t>&& wasm) {
  Result<std::shared_ptr<wasm::Module>> m = decode_and_validate(std::move(wasm), engine.config().features);
  if (!m.ok()) return std::move(m.error());
  auto impl = std::make_shared<detail::ModuleImpl>();
  impl->engine = engine;
  impl->module = std::move(*m);
  const runtime::EngineConfig& config = engine.impl()->runtime_config;
  impl->code = config.executor->make_module_code(impl->module, config);
  return Module(std::move(impl));
}

Result<void> Module::validate(const Engine& engine, std::span<const uint8_t> wasm) {
  Result<std::shared_ptr<wasm::Module>> m =
      decode_and_validate(std::vector<uint8_t>(wasm.begin(), wasm.end()), engine.config().features);
  if (!m.ok()) return std::move(m.error());
  return {};
}

std::vector<ImportType> Module::imports() const {
  const wasm::Module& m = *impl_->module;
  std::vector<ImportType> r;
  r.reserve(m.imports.size());
  for (const wasm::Import& imp : m.imports) r.push_back(ImportType{imp.module, imp.name, import_type(m, imp)});
  return r;
}

std::vector<ExportType> Module::exports() const {
  const wasm::Module& m = *impl_->module;
  std::vector<ExportType> r;
  r.reserve(m.exports.size());
  for (const wasm::Export& e : m.exports) r.push_back(ExportType{e.name, export_type(m, e)});
  return r;
}

std::string Module::name() const { return impl_->module->names.module_name; }

const Engine& Module::engine() const { return impl_->engine; }

}  // namespace wisp
