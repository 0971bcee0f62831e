#include "interp/gc_ops.h"

#include <cstring>

namespace wisp::interp {

namespace {

gc::Heap& heap(ExecState* st) { return gc::heap_of(*st->store); }

uint32_t canonical(const ExecState* st, uint32_t type_index) { return st->inst->type_ids[type_index]; }

// The array of non-null `bits` (0 traps with null_array in the callers).
gc::ObjHeader* array_of(uint64_t bits) { return gc::object_of(bits); }

// Canonical subtyping between type ids: the supertype displays (runtime::CanonicalType), one compare.
bool canonical_subtype(const ExecState* st, uint32_t sub, uint32_t super) {
  if (sub == super) return true;
  gc::Heap& h = gc::heap_of(*st->store);
  return h.type_info(sub).is_subtype_of(h.type_info(super));
}

bool in_bounds(const gc::ObjHeader* a, uint32_t i, uint32_t n) { return uint64_t(i) + n <= a->length; }

// One element: the low `size` bytes of a slot value (packed i8/i16 take the low bytes of an i32).
void store_elems(char* dst, const char* value, uint32_t size, uint32_t n) {
  if (size == 1) {
    std::memset(dst, value[0], n);
    return;
  }
  for (uint32_t k = 0; k < n; ++k) std::memcpy(dst + size_t(k) * size, value, size);
}

}  // namespace

gc::StackRange gc_stack(const ExecState* st, const char* fp) {
  const runtime::FuncEntry* e = st->func ? st->func->entry.load(std::memory_order_acquire) : nullptr;
  return {st->stacks->slots, e ? fp + e->frame.frame_bytes() : fp};
}

uint64_t gc_struct_new(ExecState* st, const GcStructSite* site, const char* args, const char* fp) {
  gc::ObjHeader* o = heap(st).new_struct(site->layout, gc_stack(st, fp));
  if (o == nullptr) return 0;
  o->type_id = canonical(st, site->type_index);
  if (args) {
    const gc::StructLayout& l = site->layout;
    char* payload = o->payload();
    // Local copies of the arrays: the stores below could alias the vectors' members as far as the compiler knows.
    const uint32_t* offsets = l.offsets.data();
    const uint32_t* arg_offsets = site->arg_offsets.data();
    const gc::Storage* storage = l.storage.data();
    for (size_t i = 0, n = l.storage.size(); i < n; ++i) {
      char* d = payload + offsets[i];
      const char* v = args + arg_offsets[i];
      switch (gc::storage_size(storage[i])) {  // fixed sizes: a move each, not a call to memcpy
        case 1: std::memcpy(d, v, 1); break;
        case 2: std::memcpy(d, v, 2); break;
        case 4: std::memcpy(d, v, 4); break;
        case 8: std::memcpy(d, v, 8); break;
        default: std::memcpy(d, v, 16); break;
      }
    }
  }
  return gc::bits_of(o);
}

TrapCode gc_array_new(ExecState* st, uint32_t type_index, uint32_t storage, const char* init, uint32_t n,
                      const char* fp, uint64_t* out) {
  auto s = gc::Storage(storage);
  if (TrapCode t = charge_fuel(st, uint64_t(n) * gc::storage_size(s), 64); t != TrapCode::none) return t;
  gc::ObjHeader* a = heap(st).new_array(canonical(st, type_index), s, n, gc_stack(st, fp));
  if (a == nullptr) return TrapCode::gc_heap_limit;
  if (init) {
    uint64_t zero[2] = {0, 0};
    if (std::memcmp(init, zero, gc::storage_size(s)) != 0) store_elems(a->payload(), init, gc::storage_size(s), n);
  }
  *out = gc::bits_of(a);
  return TrapCode::none;
}

TrapCode gc_array_new_fixed(ExecState* st, uint32_t type_index, uint32_t storage, uint32_t n, const char* args,
                            const char* fp, uint64_t* out) {
  auto s = gc::Storage(storage);
  gc::ObjHeader* a = heap(st).new_array(canonical(st, type_index), s, n, gc_stack(st, fp));
  if (a == nullptr) return TrapCode::gc_heap_limit;
  uint32_t size = gc::storage_size(s), slot = size == 16 ? 16 : 8;
  for (uint32_t k = 0; k < n; ++k) std::memcpy(a->payload() + size_t(k) * size, args + size_t(k) * slot, size);
  *out = gc::bits_of(a);
  return TrapCode::none;
}

TrapCode gc_array_new_data(ExecState* st, uint32_t type_index, uint32_t storage, uint32_t data, uint32_t offset,
                           uint32_t n, const char* fp, uint64_t* out) {
  auto s = gc::Storage(storage);
  uint32_t size = gc::storage_size(s);
  const wasm::DataSegment& seg = st->inst->module->datas[data];
  uint64_t avail = st->inst->dropped_datas[data] ? 0 : seg.bytes.size();
  uint64_t bytes = uint64_t(n) * size;
  if (uint64_t(offset) + bytes > avail) return TrapCode::memory_oob;
  if (TrapCode t = charge_fuel(st, bytes, 64); t != TrapCode::none) return t;
  gc::ObjHeader* a = heap(st).new_array(canonical(st, type_index), s, n, gc_stack(st, fp));
  if (a == nullptr) return TrapCode::gc_heap_limit;
  if (bytes) std::memcpy(a->payload(), seg.bytes.data() + offset, bytes);
  *out = gc::bits_of(a);
  return TrapCode::none;
}

TrapCode gc_array_new_elem(ExecState* st, uint32_t type_index, uint32_t elem, uint32_t offset, uint32_t n,
                           const char* fp, uint64_t* out) {
  const wasm::ElemSegment& seg = st->inst->module->elems[elem];
  uint64_t avail = st->inst->dropped_elems[elem] ? 0 : seg.size();
  if (uint64_t(offset) + n > avail) return TrapCode::table_oob;
  if (TrapCode t = charge_fuel(st, n, 8); t != TrapCode::none) return t;
  gc::ObjHeader* a = heap(st).new_array(canonical(st, type_index), gc::Storage::ref, n, gc_stack(st, fp));
  if (a == nullptr) return TrapCode::gc_heap_limit;
  // Elements are evaluated into the array as they come, so objects they allocate are reachable from it.
  uint64_t bits = gc::bits_of(a);
  *out = bits;
  for (uint32_t k = 0; k < n; ++k) {
    Result<runtime::RefBits> r = elem_ref(st->inst, seg, offset + k);
    if (!r) [[unlikely]] {
      st->error = std::move(r.error());
      return TrapCode::pending_error;
    }
    std::memcpy(gc::object_of(bits)->payload() + size_t(k) * 8, &*r, 8);
  }
  return TrapCode::none;
}

TrapCode gc_array_fill(ExecState* st, uint64_t arr, uint32_t i, const char* value, uint32_t n) {
  if (arr == 0) return TrapCode::null_array;
  gc::ObjHeader* a = array_of(arr);
  if (!in_bounds(a, i, n)) return TrapCode::array_oob;
  uint32_t size = 1u << a->elem_shift;
  if (TrapCode t = charge_fuel(st, uint64_t(n) * size, 64); t != TrapCode::none) return t;
  store_elems(a->payload() + (size_t(i) << a->elem_shift), value, size, n);
  return TrapCode::none;
}

TrapCode gc_array_copy(ExecState* st, uint64_t dst, uint32_t di, uint64_t src, uint32_t si, uint32_t n) {
  if (dst == 0 || src == 0) return TrapCode::null_array;
  gc::ObjHeader* d = array_of(dst);
  gc::ObjHeader* s = array_of(src);
  if (!in_bounds(d, di, n) || !in_bounds(s, si, n)) return TrapCode::array_oob;
  if (TrapCode t = charge_fuel(st, uint64_t(n) << d->elem_shift, 64); t != TrapCode::none) return t;
  if (n) std::memmove(d->payload() + (size_t(di) << d->elem_shift), s->payload() + (size_t(si) << s->elem_shift),
                      size_t(n) << d->elem_shift);
  return TrapCode::none;
}

TrapCode gc_array_init_data(ExecState* st, uint32_t data, uint64_t arr, uint32_t d, uint32_t s, uint32_t n) {
  if (arr == 0) return TrapCode::null_array;
  gc::ObjHeader* a = array_of(arr);
  if (!in_bounds(a, d, n)) return TrapCode::array_oob;
  const wasm::DataSegment& seg = st->inst->module->datas[data];
  uint64_t avail = st->inst->dropped_datas[data] ? 0 : seg.bytes.size();
  uint64_t bytes = uint64_t(n) << a->elem_shift;
  if (uint64_t(s) + bytes > avail) return TrapCode::memory_oob;
  if (TrapCode t = charge_fuel(st, bytes, 64); t != TrapCode::none) return t;
  if (bytes) std::memcpy(a->payload() + (size_t(d) << a->elem_shift), seg.bytes.data() + s, bytes);
  return TrapCode::none;
}

TrapCode gc_array_init_elem(ExecState* st, uint32_t elem, uint64_t arr, uint32_t d, uint32_t s, uint32_t n) {
  if (arr == 0) return TrapCode::null_array;
  gc::ObjHeader* a = array_of(arr);
  if (!in_bounds(a, d, n)) return TrapCode::array_oob;
  const wasm::ElemSegment& seg = st->inst->module->elems[elem];
  uint64_t avail = st->inst->dropped_elems[elem] ? 0 : seg.size();
  if (uint64_t(s) + n > avail) return TrapCode::table_oob;
  if (TrapCode t = charge_fuel(st, n, 8); t != TrapCode::none) return t;
  for (uint32_t k = 0; k < n; ++k) {
    Result<runtime::RefBits> r = elem_ref(st->inst, seg, s + k);
    if (!r) [[unlikely]] {
      st->error = std::move(r.error());
      return TrapCode::pending_error;
    }
    std::memcpy(a->payload() + size_t(d + k) * 8, &*r, 8);
  }
  return TrapCode::none;
}

bool gc_ref_test(const ExecState* st, uint64_t bits, uint32_t heap, uint32_t flags) {
  if (bits == 0) return (flags & kCastNullable) != 0;
  using wasm::HeapKind;
  if (!wasm::is_abstract_heap(heap)) {
    uint32_t want = canonical(st, heap);
    if (flags & kCastFuncs) return canonical_subtype(st, reinterpret_cast<runtime::FuncInstance*>(bits)->type_id, want);
    if (gc::is_i31(bits)) return false;
    const gc::ObjHeader* o = gc::object_of(bits);
    return (o->kind == gc::ObjKind::Struct || o->kind == gc::ObjKind::Array) &&
           canonical_subtype(st, o->type_id, want);
  }
  switch (HeapKind(heap)) {
    case HeapKind::any:
    case HeapKind::func:
    case HeapKind::extern_:
    case HeapKind::exn: return true;
    case HeapKind::none:
    case HeapKind::nofunc:
    case HeapKind::noextern:
    case HeapKind::noexn: return false;
    case HeapKind::i31: return gc::is_i31(bits);
    case HeapKind::eq:
      return gc::is_i31(bits) || gc::object_of(bits)->kind == gc::ObjKind::Struct ||
             gc::object_of(bits)->kind == gc::ObjKind::Array;
    case HeapKind::struct_: return !gc::is_i31(bits) && gc::object_of(bits)->kind == gc::ObjKind::Struct;
    case HeapKind::array: return !gc::is_i31(bits) && gc::object_of(bits)->kind == gc::ObjKind::Array;
  }
  return false;
}

bool gc_func_subtype(const ExecState* st, const runtime::FuncInstance* f, uint32_t type_index) {
  return canonical_subtype(st, f->type_id, canonical(st, type_index));
}

TrapCode gc_convert(ExecState* st, uint64_t bits, bool to_any, const char* fp, uint64_t* out) {
  if (bits == 0) {
    *out = 0;
    return TrapCode::none;
  }
  gc::Heap& h = heap(st);
  uint64_t r = to_any ? h.internalize(bits, gc_stack(st, fp)) : h.externalize(bits, gc_stack(st, fp));
  if (r == 0) return TrapCode::gc_heap_limit;
  *out = r;
  return TrapCode::none;
}

}  // namespace wisp::interp
