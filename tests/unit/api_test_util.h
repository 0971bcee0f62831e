// Helpers for the public API tests: WAT to a compiled module.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
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

// The permissions ("r-xp", ...) of the mapping holding `p`, from /proc/self/maps ("" when none does).
inline std::string mapping_perms(const void* p) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  auto a = reinterpret_cast<uintptr_t>(p);
  while (std::getline(maps, line)) {
    unsigned long lo = 0, hi = 0;
    char perms[8] = {};
    if (std::sscanf(line.c_str(), "%lx-%lx %7s", &lo, &hi, perms) == 3 && a >= lo && a < hi) return perms;
  }
  return "";
}

}  // namespace wisp::testing
