#include "load.h"

#include <algorithm>
#include <string_view>

#include "args.h"
#include "text/wat.h"

namespace wisp::cli {

Result<std::vector<uint8_t>> load_module_bytes(const std::string& path) {
  std::string err;
  auto data = read_file(path, err);
  if (!data) return Error::io(err);
  static constexpr uint8_t kMagic[4] = {0x00, 0x61, 0x73, 0x6d};
  if (data->size() >= 4 && std::equal(kMagic, kMagic + 4, data->begin())) return std::move(*data);
  // A .wasm file is binary even when its magic is missing or truncated: the decoder reports it, rather
  // than the text parser (an empty file would otherwise be the empty module).
  if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".wasm") == 0) return std::move(*data);
  std::string_view text(reinterpret_cast<const char*>(data->data()), data->size());
  auto bytes = text::wat_to_wasm(text);
  if (!bytes.ok()) return bytes.error();
  return std::move(bytes.value());
}

std::string describe_error(const std::string& path, const Error& error) {
  return path + ": " + error.to_string();
}

}  // namespace wisp::cli
