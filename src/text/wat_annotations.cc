#include "text/wat_annotations.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "util/leb128.h"

namespace wisp::text {

namespace {

constexpr std::string_view kHint = "@metadata.code.branch_hint";

// Place of a section in the binary's order (custom sections have none).
int section_rank(uint8_t id) {
  static constexpr uint8_t kOrder[] = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};
  for (int i = 0; i < int(sizeof kOrder); ++i)
    if (kOrder[i] == id) return i;
  return -1;
}

// Text name of a section kind in a placement `(before|after KIND)`.
std::optional<uint8_t> section_id(std::string_view kind) {
  static const struct { const char* name; uint8_t id; } kKinds[] = {
      {"type", 1}, {"import", 2}, {"func", 3}, {"table", 4}, {"memory", 5}, {"tag", 13}, {"global", 6},
      {"export", 7}, {"start", 8}, {"elem", 9}, {"datacount", 12}, {"code", 10}, {"data", 11}};
  for (const auto& k : kKinds)
    if (kind == k.name) return k.id;
  return std::nullopt;
}

constexpr int kFirst = -1, kLast = 1 << 20;

struct Custom {
  std::string name;
  std::string bytes;
  int key;  // 2 * rank (before that section), 2 * rank + 1 (after it), kFirst or kLast
  size_t order = 0;  // text order, among equal keys
};

// Number of items of `list` before the annotation `a`: its place among them.
size_t place(const Sexp& list, const Sexp& a) {
  size_t k = 0;
  while (k < list.items.size() && list.items[k].begin < a.begin) ++k;
  return k;
}

Result<Custom> read_custom(const Sexp& a) {
  auto bad = [&](std::string_view what) { return a.error("@custom annotation: " + std::string(what)); };
  Custom c{"", "", kLast};
  if (a.items.size() < 2 || !a.items[1].is_string()) return bad("missing section name");
  if (!is_valid_utf8(a.items[1].text)) return bad("malformed UTF-8 encoding");
  c.name = a.items[1].text;
  size_t i = 2;
  if (i < a.items.size() && a.items[i].is_list()) {
    const Sexp& p = a.items[i++];
    bool before = p.is_list_of("before");
    if (!before && !p.is_list_of("after")) return bad("malformed placement");
    if (p.items.size() != 2 || !p.items[1].is_atom()) return bad("malformed section kind");
    const std::string& kind = p.items[1].text;
    if (kind == "first" && before) {
      c.key = kFirst;
    } else if (kind == "last" && !before) {
      c.key = kLast;
    } else {
      auto id = section_id(kind);
      if (!id) return bad("malformed section kind");
      c.key = 2 * section_rank(*id) + (before ? 0 : 1);
    }
  }
  for (; i < a.items.size(); ++i) {
    if (!a.items[i].is_string()) return a.items[i].error("@custom annotation: unexpected token");
    c.bytes += a.items[i].text;
  }
  return c;
}

Result<std::string> read_name(const Sexp& a) {
  if (a.items.size() != 2 || !a.items[1].is_string()) return a.error("@name annotation: unexpected token");
  if (!is_valid_utf8(a.items[1].text)) return a.error("@name annotation: malformed UTF-8 encoding");
  return a.items[1].text;
}

// Lists that may carry a name right after their keyword (and id).
bool nameable(const Sexp& list) {
  static const char* kHeads[] = {"func", "param", "local", "global", "table", "memory", "tag", "type", "elem",
                                 "data"};
  for (const char* h : kHeads)
    if (list.is_list_of(h)) return true;
  return false;
}

bool name_place(const Sexp& list, size_t k) { return k == 1 || (k == 2 && list.items[1].is_id()); }

bool is_branch(const Sexp& s) {
  if (s.is_atom()) return s.text == "if" || s.text == "br_if";
  return s.is_list_of("if") || s.is_list_of("br_if");
}

Error invalid_at(const Sexp& a, std::string_view what) {
  return Error::invalid(std::to_string(a.line) + ":" + std::to_string(a.col) + ": " + std::string(what));
}

// Checks the annotations inside one module field. `name` receives the field's own `(@name ...)`.
Result<void> check_field(const Sexp& field, std::optional<std::string>& name) {
  bool in_func = field.is_list_of("func");
  std::vector<const Sexp*> todo{&field};
  while (!todo.empty()) {
    const Sexp& list = *todo.back();
    todo.pop_back();
    std::vector<size_t> hinted;
    for (const Sexp& a : list.annotations) {
      const std::string& id = a.items[0].text;
      size_t k = place(list, a);
      if (id == "@custom") return a.error("misplaced @custom annotation");
      if (id == "@name") {
        if (!nameable(list) || !name_place(list, k)) return a.error("misplaced @name annotation");
        WISP_TRY(auto n, read_name(a));
        if (&list == &field || (field.is_list_of("import") && &list == &field.items.back())) name = std::move(n);
      } else if (id == kHint) {
        if (!in_func) return a.error("@metadata.code.branch_hint annotation: not in a function");
        if (a.items.size() != 2 || !a.items[1].is_string() || a.items[1].text.size() != 1)
          return a.error("@metadata.code.branch_hint annotation: malformed hint");
        if (std::find(hinted.begin(), hinted.end(), k) != hinted.end())
          return a.error("@metadata.code.branch_hint annotation: duplicate annotation");
        hinted.push_back(k);
        if (k >= list.items.size() || !is_branch(list.items[k]))
          return invalid_at(a, "@metadata.code.branch_hint annotation: invalid target");
      }
    }
    for (const Sexp& item : list.items)
      if (item.is_list()) todo.push_back(&item);
  }
  return {};
}

// Number of parameters of the function type `(type $id? (func ...))` that `use` (an id or index) names
// among the module's fields; nullopt when it cannot be told from the text alone (other type forms).
std::optional<uint32_t> type_params(const Sexp& module, size_t first, const Sexp& use) {
  uint32_t index = 0;
  for (size_t i = first; i < module.items.size(); ++i) {
    const Sexp& f = module.items[i];
    if (!f.is_list_of("type")) continue;
    bool named = f.items.size() > 1 && f.items[1].is_id();
    bool match = use.is_id() ? named && f.items[1].text == use.text : use.text == std::to_string(index);
    ++index;
    if (!match) continue;
    const Sexp& ft = f.items.back();
    if (!ft.is_list_of("func")) return std::nullopt;
    uint32_t n = 0;
    for (const Sexp& p : ft.items)
      if (p.is_list_of("param")) n += p.items.size() > 1 && p.items[1].is_id() ? 1 : uint32_t(p.items.size() - 1);
    return n;
  }
  return std::nullopt;
}

// Names from `(param $x? (@name "...") t)` and `(local ...)` of a function definition, by local index.
Result<std::map<uint32_t, std::string>> local_names(const Sexp& module, size_t first, const Sexp& func) {
  std::map<uint32_t, std::string> names;
  uint32_t index = 0;
  bool inline_params = false;
  std::optional<uint32_t> typed = 0;  // parameters of the type use; none without one
  for (const Sexp& item : func.items) {
    bool param = item.is_list_of("param"), local = item.is_list_of("local");
    if (item.is_list_of("type") && item.items.size() == 2) typed = type_params(module, first, item.items[1]);
    if (!param && !local) continue;
    if (local && !inline_params) {
      // Without inline parameters they come from the type.
      if (!typed) return names;
      index = *typed;
      inline_params = true;
    }
    inline_params = inline_params || param;
    for (const Sexp& a : item.annotations)
      if (a.items[0].text == "@name") {
        WISP_TRY(auto n, read_name(a));
        names[index] = std::move(n);
      }
    index += item.items.size() > 1 && item.items[1].is_id() ? 1 : uint32_t(item.items.size() - 1);
  }
  return names;
}

void put_name(std::vector<uint8_t>& out, std::string_view s) {
  util::write_uleb(out, s.size());
  out.insert(out.end(), s.begin(), s.end());
}

void put_custom(std::vector<uint8_t>& out, std::string_view name, const std::vector<uint8_t>& payload) {
  std::vector<uint8_t> body;
  put_name(body, name);
  body.insert(body.end(), payload.begin(), payload.end());
  out.push_back(0);
  util::write_uleb(out, body.size());
  out.insert(out.end(), body.begin(), body.end());
}

// Reads a u32 LEB128 at `pos` of an encoder-produced module (well formed by construction).
uint64_t read_u32(const std::vector<uint8_t>& b, size_t& pos) {
  uint64_t v = 0;
  for (int shift = 0; pos < b.size() && shift < 35; shift += 7) {
    uint8_t byte = b[pos++];
    v |= uint64_t(byte & 0x7F) << shift;
    if (!(byte & 0x80)) break;
  }
  return v;
}

}  // namespace

std::unordered_map<const Sexp*, uint8_t> branch_hint_targets(const Sexp& func) {
  std::unordered_map<const Sexp*, uint8_t> out;
  std::vector<const Sexp*> todo{&func};
  while (!todo.empty()) {
    const Sexp& list = *todo.back();
    todo.pop_back();
    for (const Sexp& a : list.annotations) {
      size_t k = place(list, a);
      if (a.items[0].text == kHint && k < list.items.size() && a.items.size() == 2 && a.items[1].text.size() == 1)
        out[&list.items[k]] = uint8_t(a.items[1].text[0]);
    }
    for (const Sexp& item : list.items)
      if (item.is_list()) todo.push_back(&item);
  }
  return out;
}

Result<void> apply_annotations(const Sexp& module, size_t first, const BranchHints& hints,
                               std::vector<uint8_t>& binary) {
  std::vector<Custom> customs;
  std::optional<std::string> module_name;
  std::map<uint32_t, std::string> func_names;
  std::map<uint32_t, std::map<uint32_t, std::string>> locals;
  for (const Sexp& a : module.annotations) {
    const std::string& id = a.items[0].text;
    size_t k = place(module, a);
    if (id == "@custom") {
      if (k < first && k == 0) return a.error("misplaced @custom annotation");
      WISP_TRY(auto c, read_custom(a));
      c.order = customs.size();
      customs.push_back(std::move(c));
    } else if (id == "@name") {
      if (k != first) return a.error("misplaced @name annotation");
      if (module_name) return a.error("@name annotation: multiple module");
      WISP_TRY(module_name, read_name(a));
    } else if (id == kHint) {
      return a.error("@metadata.code.branch_hint annotation: not in a function");
    }
  }
  uint32_t func_index = 0;
  for (size_t i = first; i < module.items.size(); ++i) {
    const Sexp& f = module.items[i];
    if (!f.is_list()) continue;
    std::optional<std::string> name;
    WISP_TRY(check_field(f, name));
    bool func = f.is_list_of("func") || (f.is_list_of("import") && f.items.size() == 4 && f.items[3].is_list_of("func"));
    if (func) {
      if (name) func_names[func_index] = std::move(*name);
      if (f.is_list_of("func")) {
        WISP_TRY(auto ln, local_names(module, first, f));
        if (!ln.empty()) locals[func_index] = std::move(ln);
      }
      ++func_index;
    }
  }
  if (!hints.empty()) {
    // Before the code section, as other producers place it.
    std::vector<uint8_t> payload;
    util::write_uleb(payload, hints.size());
    for (const auto& [func, list] : hints) {
      util::write_uleb(payload, func);
      util::write_uleb(payload, list.size());
      for (const auto& [offset, hint] : list) {
        util::write_uleb(payload, offset);
        payload.push_back(1);
        payload.push_back(hint);
      }
    }
    customs.push_back(Custom{"metadata.code.branch_hint", std::string(payload.begin(), payload.end()),
                             2 * section_rank(10), SIZE_MAX});
  }
  if (customs.empty() && !module_name && func_names.empty() && locals.empty()) return {};

  // Re-assemble the module with the custom sections in place (same keys: text order).
  std::sort(customs.begin(), customs.end(),
            [](const Custom& x, const Custom& y) { return x.key != y.key ? x.key < y.key : x.order < y.order; });
  std::vector<uint8_t> out(binary.begin(), binary.begin() + std::min<size_t>(8, binary.size()));
  size_t next = 0;
  auto emit_until = [&](int key) {
    for (; next < customs.size() && customs[next].key <= key; ++next)
      put_custom(out, customs[next].name, std::vector<uint8_t>(customs[next].bytes.begin(), customs[next].bytes.end()));
  };
  size_t pos = 8;
  while (pos < binary.size()) {
    size_t start = pos;
    uint8_t id = binary[pos++];
    uint64_t size = read_u32(binary, pos);
    size_t end = std::min<size_t>(binary.size(), pos + size);
    int rank = section_rank(id);
    if (rank >= 0) emit_until(2 * rank);
    out.insert(out.end(), binary.begin() + std::ptrdiff_t(start), binary.begin() + std::ptrdiff_t(end));
    pos = end;
  }
  emit_until(kLast);
  if (module_name || !func_names.empty() || !locals.empty()) {
    std::vector<uint8_t> names;
    if (module_name) {
      std::vector<uint8_t> sub;
      put_name(sub, *module_name);
      names.push_back(0);
      util::write_uleb(names, sub.size());
      names.insert(names.end(), sub.begin(), sub.end());
    }
    if (!func_names.empty()) {
      std::vector<uint8_t> sub;
      util::write_uleb(sub, func_names.size());
      for (const auto& [index, n] : func_names) {
        util::write_uleb(sub, index);
        put_name(sub, n);
      }
      names.push_back(1);
      util::write_uleb(names, sub.size());
      names.insert(names.end(), sub.begin(), sub.end());
    }
    if (!locals.empty()) {
      std::vector<uint8_t> sub;
      util::write_uleb(sub, locals.size());
      for (const auto& [func, ln] : locals) {
        util::write_uleb(sub, func);
        util::write_uleb(sub, ln.size());
        for (const auto& [index, n] : ln) {
          util::write_uleb(sub, index);
          put_name(sub, n);
        }
      }
      names.push_back(2);
      util::write_uleb(names, sub.size());
      names.insert(names.end(), sub.begin(), sub.end());
    }
    put_custom(out, "name", names);
  }
  binary = std::move(out);
  return {};
}

}  // namespace wisp::text
