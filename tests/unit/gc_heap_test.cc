// GC layer: allocation, layouts, i31 and box encodings, reachability, cycles, the heap limit.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "gc/heap.h"

namespace wisp::gc {
namespace {

using wasm::HeapKind;
using wasm::ValType;

// A struct type of two references and an i32: {ref next, ref other, i32 value}.
StructLayout node_layout() { return make_struct_layout(7, {Storage::ref, Storage::i32, Storage::ref}); }

uint64_t field(ObjHeader* o, uint32_t off) {
  uint64_t v;
  std::memcpy(&v, o->payload() + off, 8);
  return v;
}
void set_field(ObjHeader* o, uint32_t off, uint64_t v) { std::memcpy(o->payload() + off, &v, 8); }

TEST(GcLayout, DeclarationOrderNaturallyAligned) {
  StructLayout l = make_struct_layout(1, {Storage::i8, Storage::v128, Storage::ref, Storage::i16, Storage::f64,
                                          Storage::i32});
  EXPECT_EQ(l.offsets[0], 0u);   // i8
  EXPECT_EQ(l.offsets[1], 16u);  // v128, 16-aligned
  EXPECT_EQ(l.offsets[2], 32u);  // ref
  EXPECT_EQ(l.offsets[3], 40u);  // i16
  EXPECT_EQ(l.offsets[4], 48u);  // f64
  EXPECT_EQ(l.offsets[5], 56u);  // i32
  EXPECT_EQ(l.payload_bytes, 64u);
  EXPECT_EQ(l.ref_mask, uint64_t(1) << 4);
  EXPECT_FALSE(l.ref_tail);
  EXPECT_EQ(make_struct_layout(2, {}).payload_bytes, 0u);
  // A subtype's fields extend its supertype's: the shared fields keep their offsets.
  StructLayout super = make_struct_layout(3, {Storage::i32, Storage::i64});
  StructLayout sub = make_struct_layout(4, {Storage::i32, Storage::i64, Storage::ref, Storage::i8});
  EXPECT_EQ(sub.offsets[0], super.offsets[0]);
  EXPECT_EQ(sub.offsets[1], super.offsets[1]);
  // A reference past the first 64 words: the rest of the object is scanned.
  std::vector<Storage> many(70, Storage::i64);
  many.push_back(Storage::ref);
  EXPECT_TRUE(make_struct_layout(5, many).ref_tail);
}

TEST(GcI31, TaggedAndSignExtended) {
  EXPECT_TRUE(is_i31(i31_bits(0)));
  EXPECT_NE(i31_bits(0), 0u);  // not null
  EXPECT_EQ(i31_get_s(i31_bits(0x7fffffff)), -1);
  EXPECT_EQ(i31_get_u(i31_bits(0x7fffffff)), 0x7fffffffu);
  EXPECT_EQ(i31_get_s(i31_bits(0x40000000)), -0x40000000);
  EXPECT_EQ(i31_get_s(i31_bits(0xffffffff)), -1);  // the top bit is dropped
  EXPECT_EQ(i31_get_u(i31_bits(123)), 123u);
}

struct GcHeapTest : ::testing::Test {
  runtime::StoreData store;
  Heap& heap = heap_of(store);
  StructLayout node = node_layout();

  ObjHeader* new_node(uint64_t next) {
    ObjHeader* o = heap.new_struct(node, {});
    EXPECT_NE(o, nullptr);
    set_field(o, node.offsets[0], next);
    return o;
  }
  runtime::GlobalInstance& anyref_global() {
    auto& g = store.globals.emplace_back();
    g.type.type = ValType::ref(uint32_t(HeapKind::any), true);
    return g;
  }
};

// Freed cells are found again through the bitmap: after a collection that keeps every other object, the
// same number of new objects fits in the holes (no new chunk), each zeroed despite the garbage there
// before, and the kept objects are untouched.
TEST_F(GcHeapTest, ReusesHolesBetweenLiveObjects) {
  runtime::GlobalInstance& g = anyref_global();
  std::vector<ObjHeader*> all;
  for (int i = 0; i < 20'000; ++i) {
    ObjHeader* o = new_node(0);
    set_field(o, node.offsets[1], uint64_t(i) | 0xabcd0000u);
    all.push_back(o);
  }
  // Keep the even ones: a list through `next`, rooted by the global.
  uint64_t head = 0;
  for (size_t i = 0; i < all.size(); i += 2) {
    set_field(all[i], node.offsets[0], head);
    head = bits_of(all[i]);
  }
  g.value = runtime::Value::from_i64(head);
  uint64_t chunks = heap.stats().chunk_bytes;
  heap.collect({});
  EXPECT_EQ(heap.stats().live_objects, 10'000u);
  for (int i = 0; i < 10'000; ++i) {
    ObjHeader* o = heap.new_struct(node, {});
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(field(o, node.offsets[1]) & 0xffffffffu, 0u);  // zeroed, though a dead object was here
  }
  EXPECT_EQ(heap.stats().chunk_bytes, chunks);
  for (size_t i = 0; i < all.size(); i += 2) ASSERT_EQ(field(all[i], node.offsets[1]) & 0xffffffffu, i | 0xabcd0000u);
}

TEST_F(GcHeapTest, AllocatesZeroedObjects) {
  ObjHeader* s = heap.new_struct(node, {});
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->kind, ObjKind::Struct);
  EXPECT_EQ(s->type_id, 7u);
  EXPECT_EQ(s->ref_mask(), 0b101u);  // references at words 0 and 2
  EXPECT_EQ(field(s, 0), 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(s) % 16, 0u);
  EXPECT_TRUE(heap.contains(bits_of(s)));
  EXPECT_FALSE(heap.contains(bits_of(s) + 16));  // inside, not an object start
  EXPECT_FALSE(heap.contains(i31_bits(5)));

  ObjHeader* a = heap.new_array(9, Storage::i16, 10'000, {});  // a large object
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->length, 10'000u);
  EXPECT_EQ(a->elem_shift, 1);
  for (int i = 0; i < 20'000; ++i) ASSERT_EQ(a->payload()[i], 0);
  EXPECT_TRUE(heap.contains(bits_of(a)));
  EXPECT_EQ(heap.stats().live_objects, 2u);
}

TEST_F(GcHeapTest, UnreachableObjectsAreFreed) {
  for (int i = 0; i < 1000; ++i) new_node(0);
  heap.collect({});
  EXPECT_EQ(heap.stats().live_objects, 0u);
  EXPECT_EQ(heap.stats().live_bytes, 0u);
  EXPECT_EQ(heap.stats().freed_objects, 1000u);
}

TEST_F(GcHeapTest, ReachableThroughGlobalsAndFields) {
  ObjHeader* list = nullptr;
  for (int i = 0; i < 100; ++i) list = new_node(list ? bits_of(list) : 0);
  for (int i = 0; i < 50; ++i) new_node(0);  // garbage
  anyref_global().value = runtime::Value::from_ref(bits_of(list));
  heap.collect({});
  EXPECT_EQ(heap.stats().live_objects, 100u);
  // The list is intact.
  int n = 0;
  for (uint64_t p = bits_of(list); p; p = field(object_of(p), node.offsets[0])) ++n;
  EXPECT_EQ(n, 100);
  store.globals.back().value = runtime::Value::from_ref(0);
  heap.collect({});
  EXPECT_EQ(heap.stats().live_objects, 0u);
}

TEST_F(GcHeapTest, ReachableThroughTablesAndArrays) {
  ObjHeader* arr = heap.new_array(3, Storage::ref, 4, {});
  ObjHeader* a = new_node(0);
  ObjHeader* b = new_node(0);
  set_field(arr, 16, bits_of(a));
  set_field(arr, 24, i31_bits(3));  // an i31 among references
  auto& t = store.tables.emplace_back();
  t.type.elem = ValType::ref(uint32_t(HeapKind::any), true);
  t.elems = {0, bits_of(arr), 0};
  auto& ft = store.tables.emplace_back();  // a funcref table is not scanned
  ft.type.elem = ValType::ref(uint32_t(HeapKind::func), true);
  ft.elems = {bits_of(b)};
  heap.collect({});
  EXPECT_TRUE(heap.contains(bits_of(arr)));
  EXPECT_TRUE(heap.contains(bits_of(a)));
  EXPECT_FALSE(heap.contains(bits_of(b)));
  EXPECT_EQ(heap.stats().live_objects, 2u);
}

TEST_F(GcHeapTest, CyclesAreFreed) {
  for (int i = 0; i < 500; ++i) {
    ObjHeader* x = new_node(0);
    ObjHeader* y = new_node(bits_of(x));
    set_field(x, node.offsets[0], bits_of(y));
    set_field(x, node.offsets[2], bits_of(x));  // a self-loop too
  }
  ObjHeader* kept = new_node(0);
  set_field(kept, node.offsets[0], bits_of(kept));
  anyref_global().value = runtime::Value::from_ref(bits_of(kept));
  heap.collect({});
  EXPECT_EQ(heap.stats().live_objects, 1u);
  EXPECT_TRUE(heap.contains(bits_of(kept)));
}

TEST_F(GcHeapTest, StackWordsAreConservativeRoots) {
  ObjHeader* a = new_node(0);
  ObjHeader* b = new_node(bits_of(a));
  ObjHeader* c = new_node(0);
  uint64_t stack[4] = {42, bits_of(b), bits_of(c) + 8, i31_bits(9)};  // c only through an inner address
  heap.collect({reinterpret_cast<char*>(stack), reinterpret_cast<char*>(stack + 4)});
  EXPECT_TRUE(heap.contains(bits_of(a)));
  EXPECT_TRUE(heap.contains(bits_of(b)));
  EXPECT_FALSE(heap.contains(bits_of(c)));
}

TEST_F(GcHeapTest, HostRootsKeepObjectsUntilReleased) {
  ObjHeader* a = new_node(0);
  uint32_t h = heap.roots()->add(bits_of(a));
  heap.collect({});
  EXPECT_TRUE(heap.contains(bits_of(a)));
  heap.roots()->remove(h);
  heap.collect({});
  EXPECT_FALSE(heap.contains(bits_of(a)));
}

TEST_F(GcHeapTest, BoxesRoundTrip) {
  uint64_t host = 1234 + 1;  // an externref host value
  uint64_t any = heap.internalize(host, {});
  ASSERT_TRUE(heap.contains(any));
  EXPECT_EQ(object_of(any)->kind, ObjKind::ExternBox);
  EXPECT_EQ(heap.externalize(any, {}), host);
  ObjHeader* s = new_node(0);
  uint64_t ext = heap.externalize(bits_of(s), {});
  EXPECT_EQ(object_of(ext)->kind, ObjKind::AnyBox);
  EXPECT_EQ(heap.internalize(ext, {}), bits_of(s));
  uint64_t i31ext = heap.externalize(i31_bits(77), {});
  EXPECT_EQ(heap.internalize(i31ext, {}), i31_bits(77));
  EXPECT_EQ(heap.internalize(0, {}), 0u);
  EXPECT_EQ(heap.externalize(0, {}), 0u);
  // An AnyBox held by an externref global keeps the boxed object.
  auto& g = store.globals.emplace_back();
  g.type.type = ValType::ref(uint32_t(HeapKind::extern_), true);
  g.value = runtime::Value::from_ref(ext);
  heap.collect({});
  EXPECT_TRUE(heap.contains(bits_of(s)));
  EXPECT_FALSE(heap.contains(any));
}

TEST_F(GcHeapTest, ChurnStaysBounded) {
  // 1 GB of lists built and dropped; only the last list (at most 1 MiB) is live at any time.
  uint64_t head = 0;
  auto& g = anyref_global();
  for (int round = 0; round < 2048; ++round) {
    head = 0;
    for (int i = 0; i < 16 * 1024; ++i) head = bits_of(new_node(head));
    g.value = runtime::Value::from_ref(head);
  }
  EXPECT_GT(heap.stats().collections, 10u);
  EXPECT_LT(heap.stats().chunk_bytes, 64ull << 20);
  EXPECT_GE(heap.stats().allocated_bytes, 1ull << 30);
}

TEST_F(GcHeapTest, LimitFailsAllocationAfterCollecting) {
  store.limits.max_gc_heap_bytes = 1 << 20;
  auto& g = anyref_global();
  // Garbage never hits the limit.
  for (int i = 0; i < 100'000; ++i) ASSERT_NE(new_node(0), nullptr);
  // Live data does.
  uint64_t head = 0;
  int n = 0;
  for (;; ++n) {
    ObjHeader* o = heap.new_struct(node, {});
    if (o == nullptr) break;
    set_field(o, node.offsets[0], head);
    head = bits_of(o);
    g.value = runtime::Value::from_ref(head);
  }
  EXPECT_GT(n, 10'000);
  EXPECT_LE(heap.stats().live_bytes, 1u << 20);
  // Huge arrays fail without allocating.
  EXPECT_EQ(heap.new_array(1, Storage::i64, uint64_t(1) << 40, {}), nullptr);
  EXPECT_EQ(heap.new_array(1, Storage::i8, 2 << 20, {}), nullptr);
  g.value = runtime::Value::from_ref(0);
  EXPECT_NE(heap.new_array(1, Storage::i8, 512 << 10, {}), nullptr);
}

}  // namespace
}  // namespace wisp::gc
