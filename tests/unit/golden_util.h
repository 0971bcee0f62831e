// Golden-file tests: every NAME.wat in a directory of tests/golden is rendered and compared with NAME.EXT
// beside it. WISP_UPDATE_GOLDEN=1 rewrites the expected files instead (after an intended change).
#pragma once
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace wisp::testing {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Checks (or rewrites) tests/golden/SUBDIR/*.EXT; returns how many files it compared.
inline int check_golden_dir(const std::string& subdir, const std::string& ext,
                            const std::function<std::string(const std::string& wat)>& render) {
  namespace fs = std::filesystem;
  bool update = std::getenv("WISP_UPDATE_GOLDEN") != nullptr;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(WISP_TESTS_DIR) / "golden" / subdir)) {
    if (entry.path().extension() != ".wat") continue;
    std::string got = render(read_file(entry.path()));
    fs::path expected_path = entry.path();
    expected_path.replace_extension(ext);
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << got;
    } else {
      EXPECT_EQ(got, read_file(expected_path)) << "golden mismatch for " << entry.path();
    }
    ++checked;
  }
  return checked;
}

}  // namespace wisp::testing
