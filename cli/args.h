// Small helpers shared by the CLI subcommands: error reporting, file reading, option matching.
#pragma once
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <sys/mman.h>
#include <sys/stat.h>
#include <string>
#include <string_view>
#include <vector>

#include "wisp/version.h"

namespace wisp::cli {

inline constexpr const char* kVersion = WISP_VERSION_STRING;

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
  // A regular file is read in one go into a buffer of its size (no regrowth, no staging copy: this is
  // most of the start-up cost of a large module); a pipe or other stream falls back to chunks.
  struct stat st;
  if (::fstat(::fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    std::setvbuf(f, nullptr, _IONBF, 0);
    size_t size = size_t(st.st_size);
    data.reserve(size);
#ifdef MADV_HUGEPAGE
    // A large module's buffer is touched whole: transparent huge pages (where the kernel leaves them to
    // madvise) take a page fault per 2 MiB instead of per 4 KiB. Only advice; failure changes nothing.
    constexpr uintptr_t kHuge = uintptr_t(2) << 20;
    uintptr_t lo = (reinterpret_cast<uintptr_t>(data.data()) + kHuge - 1) & ~(kHuge - 1);
    uintptr_t hi = (reinterpret_cast<uintptr_t>(data.data()) + size) & ~(kHuge - 1);
    if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#endif
    data.resize(size);
    data.resize(std::fread(data.data(), 1, data.size(), f));
  }
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
