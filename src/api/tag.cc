#include "api/internal.h"
#include "runtime/instantiate.h"
#include "wisp/exception.h"

namespace wisp {

Result<Tag> Tag::create(Store& store, const TagType& type) {
  runtime::TagInstance* t = runtime::create_tag(store.data_internal(), detail::to_wasm(FuncType(type.params, {})));
  return Tag(store.id(), t);
}

Result<TagType> Tag::type(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, tag_); !r.ok()) return std::move(r.error());
  return TagType{detail::to_public(*tag_->type).params()};
}

std::string Tag::name() const { return tag_ ? tag_->debug_name : std::string(); }

}  // namespace wisp
