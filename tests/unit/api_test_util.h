// Helpers for the public API tests: WAT to a compiled module.
#pragma once
#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include "text/wat.h"
#include "wisp/wisp.h"

namespace wisp::testing {

inline Result<Module> compile_wat(const Engine& engine, std::string_view wat) {
  Result<std::vector<uint8_t>> bytes = text::wat_to_wasm(wat);
  if (!bytes.ok()) return std::move(bytes.error());
  return Module::compile(engine, *bytes);
}

// Compiles or fails the current test with the error.
inline Module must_compile(const Engine& engine, std::string_view wat) {
  Result<Module> m = compile_wat(engine, wat);
  EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().to_string());
  if (!m.ok()) return compile_wat(engine, "(module)").value();
  return std::move(*m);
}

}  // namespace wisp::testing
