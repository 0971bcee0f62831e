#include "util/error.h"

#include <cstdio>

namespace wisp {

const char* error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Malformed: return "malformed";
    case ErrorKind::Invalid: return "invalid";
    case ErrorKind::Unlinkable: return "unlinkable";
    case ErrorKind::Trap: return "trap";
    case ErrorKind::Exhaustion: return "exhaustion";
    case ErrorKind::Exception: return "exception";
    case ErrorKind::Io: return "io";
    case ErrorKind::Usage: return "usage";
  }
  return "error";
}

std::string Error::to_string() const {
  std::string s = error_kind_name(kind);
  if (offset != UINT64_MAX) {
    char buf[32];
    snprintf(buf, sizeof buf, " at offset 0x%llx", static_cast<unsigned long long>(offset));
    s += buf;
  }
  s += ": ";
  s += message;
  return s;
}

}  // namespace wisp
