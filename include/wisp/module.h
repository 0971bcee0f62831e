// wisp public API: Module, a validated, compiled Wasm module. Immutable; cheap to copy (copies share);
// usable by any store of its engine, from any thread.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "wisp/engine.h"
#include "wisp/error.h"
#include "wisp/types.h"

namespace wisp {

namespace detail {
struct ModuleImpl;
}

class Module {
 public:
  // Decodes and validates a binary module (errors: Malformed or Invalid, with the byte offset).
  static Result<Module> compile(const Engine& engine, std::span<const uint8_t> wasm);
  // The same, taking ownership of the bytes (saves a copy of a large module).
  static Result<Module> compile(const Engine& engine, std::vector<uint8_t>&& wasm);
  // Decodes and validates only.
  static Result<void> validate(const Engine& engine, std::span<const uint8_t> wasm);

  std::vector<ImportType> imports() const;
  std::vector<ExportType> exports() const;
  // The module name from the name section, or empty.
  std::string name() const;
  const Engine& engine() const;

  // Internal.
  explicit Module(std::shared_ptr<const detail::ModuleImpl> impl) : impl_(std::move(impl)) {}
  const detail::ModuleImpl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const detail::ModuleImpl> impl_;
};

}  // namespace wisp
