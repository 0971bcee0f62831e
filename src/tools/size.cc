#include "tools/size.h"

#include <algorithm>
#include <cstdio>

#include "tools/dump.h"
#include "tools/json.h"

namespace wisp::tools {

std::vector<SizeItem> size_items(const wasm::Module& m) {
  std::vector<SizeItem> items;
  if (m.bytes.size() >= 8) items.push_back({"header", "header", 8});
  size_t ci = 0;
  for (const wasm::SectionInfo& s : m.sections) {
    uint64_t whole = uint64_t(s.contents_offset - s.offset) + s.size;  // id, size field and contents
    if (s.id == 0) {
      std::string name = ci < m.customs.size() ? m.customs[ci].name : "";
      ++ci;
      items.push_back({"custom", "custom \"" + name + "\"", whole});
    } else if (s.id == 10) {
      uint64_t used = 0;
      for (size_t i = 0; i < m.bodies.size(); ++i) {
        uint32_t idx = uint32_t(i) + m.num_imported_funcs;
        std::string n = display_func_name(m, idx);
        uint64_t b = m.bodies[i].body_end - m.bodies[i].entry_offset;
        used += b;
        items.push_back({"function", "func[" + std::to_string(idx) + "]" + (n.empty() ? "" : " <" + n + ">"), b});
      }
      items.push_back({"section", "code section (headers)", whole - std::min(used, whole)});
    } else if (s.id == 11) {
      uint64_t used = 0;
      for (size_t i = 0; i < m.datas.size(); ++i) {
        uint64_t b = m.datas[i].bytes.size();
        used += b;
        items.push_back({"data", "data[" + std::to_string(i) + "]", b});
      }
      items.push_back({"section", "data section (headers)", whole - std::min(used, whole)});
    } else {
      items.push_back({"section", std::string(section_name(s.id)) + " section", whole});
    }
  }
  // Largest first, ties in file order (std::sort on indices: stable_sort trips a libstdc++ deprecation).
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return items[a].bytes != items[b].bytes ? items[a].bytes > items[b].bytes : a < b;
  });
  std::vector<SizeItem> sorted;
  sorted.reserve(items.size());
  for (size_t i : order) sorted.push_back(std::move(items[i]));
  return sorted;
}

namespace {

double share(uint64_t part, uint64_t total) { return total ? 100.0 * double(part) / double(total) : 0.0; }

}  // namespace

std::string size_text(const wasm::Module& m, size_t top_n) {
  auto items = size_items(m);
  uint64_t total = m.bytes.size();
  size_t shown = top_n == 0 ? items.size() : std::min(top_n, items.size());
  std::string o;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%12s %8s  %s\n", "bytes", "share", "item");
  o += buf;
  for (size_t i = 0; i < shown; ++i) {
    std::snprintf(buf, sizeof buf, "%12llu %7.2f%%  ", static_cast<unsigned long long>(items[i].bytes),
                  share(items[i].bytes, total));
    o += buf + items[i].name + "\n";
  }
  if (shown < items.size()) {
    uint64_t rest = 0;
    for (size_t i = shown; i < items.size(); ++i) rest += items[i].bytes;
    std::snprintf(buf, sizeof buf, "%12llu %7.2f%%  ... and %zu more items\n", static_cast<unsigned long long>(rest),
                  share(rest, total), items.size() - shown);
    o += buf;
  }
  std::snprintf(buf, sizeof buf, "%12llu %7.2f%%  total\n", static_cast<unsigned long long>(total), 100.0);
  o += buf;
  return o;
}

std::string size_json(const wasm::Module& m, size_t top_n) {
  auto items = size_items(m);
  uint64_t total = m.bytes.size();
  size_t shown = top_n == 0 ? items.size() : std::min(top_n, items.size());
  JsonWriter j;
  j.begin_object().field("total", total).key("items").begin_array();
  for (size_t i = 0; i < shown; ++i) {
    j.begin_object().field("kind", items[i].kind).field("name", items[i].name).field("bytes", items[i].bytes);
    j.field("share", share(items[i].bytes, total)).end_object();
  }
  j.end_array();
  uint64_t rest = 0;
  for (size_t i = shown; i < items.size(); ++i) rest += items[i].bytes;
  j.field("rest_items", uint64_t(items.size() - shown)).field("rest_bytes", rest).end_object();
  return j.str() + "\n";
}

}  // namespace wisp::tools
