// Small helpers shared by the CLI subcommands: error reporting, file reading, option matching.
#pragma once
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wisp::cli {

inline constexpr const char* kVersion = "0.1.0";

// Exit codes: 1 for failures of the work itself, 2 for usage errors (like most Unix tools).
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitTrap = 134;  // what a native program killed by SIGABRT reports

// Prints "wisp: error: MESSAGE" on stderr and returns `code`, so callers can `return error(...)`.
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
inline int error(int code, const char* fmt, ...) {
  std::fputs("wisp: error: ", stderr);
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
  return code;
}

// Reads a whole file; on failure returns nullopt and sets `err` to a one-line reason.
inline std::optional<std::vector<uint8_t>> read_file(const std::string& path, std::string& err) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    err = "cannot open '" + path + "'";
    return std::nullopt;
  }
  std::vector<uint8_t> data;
  uint8_t buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.insert(data.end(), buf, buf + n);
  bool bad = std::ferror(f) != 0;
  std::fclose(f);
  if (bad) {
    err = "cannot read '" + path + "'";
    return std::nullopt;
  }
  return data;
}

inline bool is_help_flag(std::string_view a) { return a == "--help" || a == "-h"; }

// Matches "--name VALUE" or "--name=VALUE" at argv[i]; advances i past the value. Sets `missing` when the
// option is present without a value.
inline bool match_option(int argc, char** argv, int& i, std::string_view name, std::string& value,
                         bool& missing) {
  std::string_view a = argv[i];
  if (a == name) {
    if (i + 1 >= argc) {
      missing = true;
      return true;
    }
    value = argv[++i];
    return true;
  }
  if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=') {
    value = std::string(a.substr(name.size() + 1));
    return true;
  }
  return false;
}

}  // namespace wisp::cli
