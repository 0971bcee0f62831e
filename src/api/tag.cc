#include "api/internal.h"
#include "runtime/public_kind.h"
#include "runtime/instantiate.h"
#include "wisp/exception.h"

namespace wisp {

Result<Tag> Tag::create(Store& store, const TagType& type) {
  runtime::TagInstance* t = runtime::create_tag(store.data_internal(), detail::to_wasm(FuncType(type.params, {})));
  return Tag(store.id(), t);
}

Result<TagType> Tag::type(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, tag_); !r.ok()) return std::move(r.error());
  // The registered type names canonical ids (the tag's own type, its module's indices): a concrete
  // struct / array / function type shows as structref / arrayref / funcref.
  const wasm::FuncType& canonical = store.data_internal().types->type(tag_->type_id);
  TagType t;
  for (wasm::ValType p : canonical.params) t.params.push_back(runtime::public_kind(store.data_internal(), p));
  return t;
}

std::string Tag::name() const { return tag_ ? tag_->debug_name : std::string(); }

}  // namespace wisp
