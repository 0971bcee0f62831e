// wisp public API: Extern, any importable/exportable object (Func, Table, Memory, Global or Tag).
#pragma once
#include <optional>
#include <variant>

#include "wisp/exception.h"
#include "wisp/func.h"
#include "wisp/global.h"
#include "wisp/memory.h"
#include "wisp/table.h"

namespace wisp {

class Extern {
 public:
  Extern() = default;  // an empty Func handle
  Extern(Func f) : v_(f) {}      // NOLINT: implicit on purpose
  Extern(Table t) : v_(t) {}     // NOLINT
  Extern(Memory m) : v_(m) {}    // NOLINT
  Extern(Global g) : v_(g) {}    // NOLINT
  Extern(Tag t) : v_(t) {}       // NOLINT

  ExternKind kind() const { return ExternKind(v_.index()); }
  std::optional<Func> func() const { return get<Func>(); }
  std::optional<Table> table() const { return get<Table>(); }
  std::optional<Memory> memory() const { return get<Memory>(); }
  std::optional<Global> global() const { return get<Global>(); }
  std::optional<Tag> tag() const { return get<Tag>(); }
  // The object's current type (for tables and memories, limits.min is the current size); a Usage error
  // for an empty handle or one of another store.
  Result<ExternType> type(Store& store) const;
  uint64_t store_id() const;
  bool operator==(const Extern&) const = default;

 private:
  template <class T>
  std::optional<T> get() const {
    if (auto* p = std::get_if<T>(&v_)) return *p;
    return std::nullopt;
  }
  std::variant<Func, Table, Memory, Global, Tag> v_;  // index order = ExternKind
};

}  // namespace wisp
