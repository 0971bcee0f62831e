// `wisp print` round trip over every module of the 2.0 spec suite (and the relaxed SIMD scripts of latest/):
// decode -> print (flat and folded) -> parse (text::wat_to_wasm) -> decode -> compare with the original
// decoded module.
// Modules that do not decode or validate are skipped and listed (none today, SIMD included); the test
// fails if too few modules were checked (a missing suite is not a pass).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "binary/module_decoder.h"
#include "text/wast.h"
#include "text/wat.h"
#include "tools/wat_printer.h"
#include "tools_module_compare.h"
#include "validate/module_validator.h"

namespace wisp::tools {
namespace {

namespace fs = std::filesystem;

fs::path suite_dir() {
  if (const char* env = std::getenv("WISP_TESTSUITE")) return fs::path(env) / "2.0";
#ifdef WISP_TESTSUITE_DIR
  return fs::path(WISP_TESTSUITE_DIR) / "2.0";
#else
  return fs::path("../shared/wasm-testsuite/2.0");
#endif
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Prints `original` with `options`, parses the text back and compares. "" on success.
std::string round_trip(const wasm::Module& original, const PrintOptions& options) {
  const Features features = original.features;
  auto text = print_module(original, options);
  if (!text.ok()) return "print failed: " + text.error().to_string();
  auto bytes = text::wat_to_wasm(*text);
  if (!bytes.ok()) return "parse of printed text failed: " + bytes.error().to_string() + "\n" + *text;
  auto again = binary::decode_module(std::move(*bytes), features);
  if (!again.ok()) return "decode of re-encoded module failed: " + again.error().to_string() + "\n" + *text;
  std::string diff = testing::compare_modules(original, **again);
  if (!diff.empty()) return diff + "\n" + *text;
  return "";
}

struct Totals {
  int checked = 0;
  int skipped = 0;
  std::vector<std::string> skipped_where;
};

void check_script(const fs::path& path, Totals& totals, Features features = Features::defaults()) {
  auto script = text::parse_wast(read_all(path));
  if (!script.ok()) {
    // A script the text front end cannot parse yet: its modules cannot be reached here.
    totals.skipped_where.push_back(path.filename().string() + ": script: " + script.error().to_string());
    ++totals.skipped;
    return;
  }
  for (const text::Command& c : script->commands) {
    // Only modules meant to be valid: definitions and modules of assert_trap/unlinkable/uninstantiable.
    bool wanted = c.kind == text::Command::Kind::module ||
                  (c.kind == text::Command::Kind::assert_trap && c.has_module) ||
                  c.kind == text::Command::Kind::assert_unlinkable ||
                  c.kind == text::Command::Kind::assert_uninstantiable;
    if (!wanted) continue;
    std::vector<uint8_t> bytes;
    if (c.module.kind == text::ModuleSource::Kind::binary) {
      bytes = c.module.bytes;
    } else {
      auto b = text::wat_to_wasm(c.module.quote);
      if (!b.ok()) continue;  // a quoted module that is not meant to parse
      bytes = std::move(*b);
    }
    std::string where = path.filename().string() + ":" + std::to_string(c.line);
    auto mod = binary::decode_module(std::move(bytes), features);
    if (!mod.ok() || !validate::validate_module(**mod).ok()) {
      ++totals.skipped;
      totals.skipped_where.push_back(where + ": " + (mod.ok() ? validate::validate_module(**mod).error().to_string()
                                                             : mod.error().to_string()));
      continue;
    }
    for (bool folded : {false, true}) {
      PrintOptions o;
      o.folded = folded;
      std::string diff = round_trip(**mod, o);
      EXPECT_EQ(diff, "") << where << (folded ? " (folded)" : " (flat)");
    }
    ++totals.checked;
  }
}

TEST(ToolsRoundTrip, SpecSuite2_0) {
  fs::path dir = suite_dir();
  ASSERT_TRUE(fs::is_directory(dir)) << "spec suite not found at " << dir << " (set WISP_TESTSUITE)";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".wast") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Totals totals;
  for (const fs::path& f : files) check_script(f, totals);
  std::string skipped;
  for (const std::string& s : totals.skipped_where) skipped += "  " + s + "\n";
  std::printf("round-tripped %d modules from %zu scripts; skipped %d (do not decode/validate):\n%s",
              totals.checked, files.size(), totals.skipped, skipped.c_str());
  // The suite has about 1,300 valid non-SIMD modules and 400 SIMD ones.
  EXPECT_GT(totals.checked, 1600);
}

// The relaxed SIMD scripts of latest/ (on by default, so `wisp print` must write their instructions back).
TEST(ToolsRoundTrip, RelaxedSimdScripts) {
  fs::path dir = suite_dir().parent_path() / "latest";
  ASSERT_TRUE(fs::is_directory(dir)) << "spec suite not found at " << dir << " (set WISP_TESTSUITE)";
  Totals totals;
  size_t scripts = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (e.path().extension() != ".wast" || name.find("relaxed") == std::string::npos) continue;
    check_script(e.path(), totals);
    ++scripts;
  }
  EXPECT_EQ(scripts, 7u);
  EXPECT_EQ(totals.skipped, 0) << (totals.skipped_where.empty() ? "" : totals.skipped_where[0]);
  EXPECT_GE(totals.checked, 7);  // a module per script at least
}

// The GC scripts of latest/ with the gc feature on: rec groups, sub types, struct and array types and
// every GC instruction print and parse back to the same module.
TEST(ToolsRoundTrip, GcScripts) {
  fs::path dir = suite_dir().parent_path() / "latest";
  ASSERT_TRUE(fs::is_directory(dir)) << "spec suite not found at " << dir << " (set WISP_TESTSUITE)";
  Totals totals;
  for (const char* name : {"array", "array_copy", "array_fill", "array_init_data", "array_init_elem", "array_new_data",
                           "array_new_elem", "struct", "i31", "extern", "br_on_cast", "br_on_cast_fail", "ref_cast",
                           "ref_test", "ref_eq", "type-canon", "type-equivalence", "type-rec", "type-subtyping"})
    check_script(dir / (std::string(name) + ".wast"), totals, Features::defaults().set(Feature::gc));
  EXPECT_EQ(totals.skipped, 0) << (totals.skipped_where.empty() ? "" : totals.skipped_where[0]);
  EXPECT_GE(totals.checked, 100);
}

}  // namespace
}  // namespace wisp::tools
