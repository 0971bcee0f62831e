#include "runtime/store_data.h"

#include "runtime/memory.h"

namespace wisp::runtime {

StoreData::~StoreData() {
  for (MemoryInstance& m : memories) memory_release(m);
}

}  // namespace wisp::runtime
