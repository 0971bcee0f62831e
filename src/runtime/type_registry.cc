#include "runtime/type_registry.h"

namespace wisp::runtime {

namespace {

const wasm::TypeDef& def_of(const std::vector<wasm::TypeDef>& defs, uint32_t i) {
  static const wasm::TypeDef kFunc;
  return i < defs.size() ? defs[i] : kFunc;
}

}  // namespace

uint32_t TypeRegistry::intern(const wasm::FuncType& type) {
  return intern_module({type}, {})[0];
}

std::vector<uint32_t> TypeRegistry::intern_module(const std::vector<wasm::FuncType>& types,
                                                  const std::vector<wasm::TypeDef>& defs) {
  const uint32_t n = uint32_t(types.size());
  std::vector<uint32_t> ids(n);
  std::vector<uint32_t> key;
  std::lock_guard<std::mutex> lock(mu_);
  for (uint32_t g = 0; g < n;) {
    const uint32_t size = std::max<uint32_t>(1, std::min(def_of(defs, g).rec_size, n - g));
    // The group's key: references into the group by position (tag 1), others by canonical id (tag 0).
    key.assign(1, size);
    auto ref = [&](uint32_t h) {
      if (h >= g && h - g < size) {
        key.push_back(1);
        key.push_back(h - g);
      } else {
        key.push_back(0);
        key.push_back(h < g ? ids[h] : h);  // (a later index is invalid; kept distinct)
      }
    };
    auto add = [&](wasm::ValType t) {
      key.push_back(t.bits() & 0x1FF);  // kind and nullability
      if (t.is_ref() && !wasm::is_abstract_heap(t.heap())) ref(t.heap());
      else key.push_back(t.heap());
    };
    for (uint32_t k = g; k < g + size; ++k) {
      const wasm::TypeDef& d = def_of(defs, k);
      key.push_back(uint32_t(d.kind) | (d.final ? 0x100 : 0));
      if (d.supertype == wasm::kNoSupertype) key.push_back(2);
      else ref(d.supertype);
      const wasm::FuncType& ft = types[k];
      key.push_back(uint32_t(ft.params.size()));
      for (wasm::ValType t : ft.params) add(t);
      key.push_back(uint32_t(ft.results.size()));
      for (wasm::ValType t : ft.results) add(t);
      key.push_back(uint32_t(d.fields.size()));
      for (const wasm::FieldType& f : d.fields) {
        key.push_back(uint32_t(f.packed) | (f.mut ? 0x100 : 0));
        add(f.type);
      }
    }
    auto [it, inserted] = groups_.try_emplace(key, uint32_t(types_.size()));
    const uint32_t first = it->second;
    for (uint32_t k = 0; k < size; ++k) ids[g + k] = first + k;
    if (inserted) {
      auto canon = [&](uint32_t h) { return h >= g && h - g < size ? first + (h - g) : h < g ? ids[h] : h; };
      auto canon_type = [&](wasm::ValType t) {
        if (!t.is_ref() || wasm::is_abstract_heap(t.heap())) return t;
        return wasm::ValType::ref(canon(t.heap()), t.nullable());
      };
      for (uint32_t k = g; k < g + size; ++k) {
        const wasm::TypeDef& d = def_of(defs, k);
        auto c = std::make_unique<CanonicalType>();
        c->id = uint32_t(types_.size());
        c->kind = d.kind;
        c->final = d.final;
        for (wasm::ValType t : types[k].params) c->func.params.push_back(canon_type(t));
        for (wasm::ValType t : types[k].results) c->func.results.push_back(canon_type(t));
        for (wasm::FieldType f : d.fields) {
          f.type = canon_type(f.type);
          c->fields.push_back(f);
        }
        // Validation put the supertype before the type: its id is smaller and registered already.
        uint32_t super = d.supertype == wasm::kNoSupertype ? wasm::kNoSupertype : canon(d.supertype);
        if (super < c->id) {
          c->supertype = super;
          c->display = types_[super]->display;
        }
        c->display.push_back(c->id);
        types_.push_back(std::move(c));
      }
    }
    g += size;
  }
  return ids;
}

const CanonicalType& TypeRegistry::info(uint32_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return *types_[id];
}

bool TypeRegistry::is_subtype(uint32_t a, uint32_t b) const {
  if (a == b) return true;
  std::lock_guard<std::mutex> lock(mu_);
  return a < types_.size() && b < types_.size() && types_[a]->is_subtype_of(*types_[b]);
}

bool TypeRegistry::val_subtype(wasm::ValType a, wasm::ValType b) const {
  if (a == b) return true;
  std::lock_guard<std::mutex> lock(mu_);
  return wasm::val_subtype(a, b, Ids{*this});
}

}  // namespace wisp::runtime
