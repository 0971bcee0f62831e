// wisp public API: tags and exceptions (the exceptions proposal). A Tag is a handle {store id, object}
// like Global; an Exception is a plain value: the tag thrown and its payload. An exception no Wasm
// handler catches reaches the embedder as an Error of kind Exception whose `exception` holds it; a host
// function may throw one into Wasm by returning exception_error(...).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "wisp/error.h"
#include "wisp/store.h"
#include "wisp/types.h"
#include "wisp/val.h"

namespace wisp::runtime {
struct TagInstance;
}

namespace wisp {

class Tag {
 public:
  Tag() = default;  // an empty handle
  // A new tag of a store (distinct from every other tag, even of the same type).
  static Result<Tag> create(Store& store, const TagType& type);
  // Its type; a Usage error for an empty handle or one of another store.
  Result<TagType> type(Store& store) const;
  // The export name it was defined under (or "<tag N>" / "<host tag>"), for messages.
  std::string name() const;

  // Internal.
  Tag(uint64_t store_id, runtime::TagInstance* t) : store_id_(store_id), tag_(t) {}
  uint64_t store_id() const { return store_id_; }
  runtime::TagInstance* internal() const { return tag_; }
  bool operator==(const Tag&) const = default;

 private:
  uint64_t store_id_ = 0;
  runtime::TagInstance* tag_ = nullptr;
};

// An exception: its tag and payload (one Val per tag parameter).
struct Exception {
  Tag tag;
  std::vector<Val> payload;
};

// The Error a host function returns to throw `e` into its Wasm caller (kind Exception).
inline Error exception_error(Exception e, std::string message = "exception thrown by the host") {
  Error err = Error::make(ErrorKind::Exception, std::move(message));
  err.exception = std::make_shared<const Exception>(std::move(e));
  return err;
}

}  // namespace wisp
