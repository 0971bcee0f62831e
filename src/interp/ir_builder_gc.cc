// IrBuilder: the GC instructions (Wasm 3.0 GC, DESIGN.md §9). Field offsets come from gc::make_struct_layout
// at translation time, so struct.get/set are one load or store after the null check; allocation, bulk
// array operations and casts call interp/gc_ops.h from their handlers (handlers_gc.def).
#include "interp/gc_ops.h"
#include "interp/ir_builder.h"

namespace wisp::interp {

using wasm::ValType;

namespace {

// The load handler for a storage type (the _s/_u forms for packed ones).
HandlerId get_handler(gc::Storage s, wasm::Op op, bool array) {
  bool sign = op == wasm::Op::struct_get_s || op == wasm::Op::array_get_s;
  switch (s) {
    case gc::Storage::i8:
      if (array) return sign ? HandlerId::op_array_get_i8_s_sss : HandlerId::op_array_get_i8_u_sss;
      return sign ? HandlerId::op_struct_get_i8_s_ssi : HandlerId::op_struct_get_i8_u_ssi;
    case gc::Storage::i16:
      if (array) return sign ? HandlerId::op_array_get_i16_s_sss : HandlerId::op_array_get_i16_u_sss;
      return sign ? HandlerId::op_struct_get_i16_s_ssi : HandlerId::op_struct_get_i16_u_ssi;
    case gc::Storage::i32:
    case gc::Storage::f32: return array ? HandlerId::op_array_get_i32_sss : HandlerId::op_struct_get_i32_ssi;
    case gc::Storage::v128: return array ? HandlerId::op_array_get_v128_sss : HandlerId::op_struct_get_v128_ssi;
    default: return array ? HandlerId::op_array_get_i64_sss : HandlerId::op_struct_get_i64_ssi;
  }
}

HandlerId set_handler(gc::Storage s, bool array) {
  switch (gc::storage_size(s)) {
    case 1: return array ? HandlerId::op_array_set_1_sss : HandlerId::op_struct_set_1_ssi;
    case 2: return array ? HandlerId::op_array_set_2_sss : HandlerId::op_struct_set_2_ssi;
    case 4: return array ? HandlerId::op_array_set_4_sss : HandlerId::op_struct_set_4_ssi;
    case 16: return array ? HandlerId::op_array_set_16_sss : HandlerId::op_struct_set_16_ssi;
    default: return array ? HandlerId::op_array_set_8_sss : HandlerId::op_struct_set_8_ssi;
  }
}

}  // namespace

gc::Storage IrBuilder::storage_of(uint32_t type_index, uint32_t field) const {
  return gc::storage_of(module_.type_def(type_index).fields[field]);
}

uint32_t IrBuilder::cast_flags(ValType target) const {
  uint32_t flags = target.nullable() ? uint32_t(kCastNullable) : 0u;
  uint32_t h = target.heap();
  if (!wasm::is_abstract_heap(h) && module_.is_func_type(h)) flags |= kCastFuncs;
  return flags;
}

// An allocating instruction: `npop` operands are popped (their slots are already in `ops`), the result
// pushed. Allocation may collect and trap at the heap limit: a site.
void IrBuilder::gc_alloc(HandlerId id, ValType result, Operands ops, uint32_t npop) {
  stack_.resize(height() - npop);
  emit_result(id, result, ops);
}

// ---- structs ----

void IrBuilder::on_struct_new(uint32_t type_index) {
  mark_site();
  const auto& fields = module_.type_def(type_index).fields;
  uint32_t n = uint32_t(fields.size());
  materialize_top(n);
  uint32_t base = height() - n;
  GcStructSite& site = out_.gc_structs.emplace_front();
  site.type_index = type_index;
  std::vector<gc::Storage> storage;
  for (const wasm::FieldType& f : fields) storage.push_back(gc::storage_of(f));
  site.layout = gc::make_struct_layout(0, storage);
  for (uint32_t i = 0; i < n; ++i) site.arg_offsets.push_back(off(home(base + i)) - off(home(base)));
  uint32_t first = off(home(base));
  gc_alloc(HandlerId::op_struct_new_sIs, ValType::ref(type_index, false),
           {opd_imm(reinterpret_cast<uint64_t>(&site)), opd_s(first)}, n);
}

void IrBuilder::on_struct_new_default(uint32_t type_index) {
  mark_site();
  GcStructSite& site = out_.gc_structs.emplace_front();
  site.type_index = type_index;
  std::vector<gc::Storage> storage;
  for (const wasm::FieldType& f : module_.type_def(type_index).fields) storage.push_back(gc::storage_of(f));
  site.layout = gc::make_struct_layout(0, storage);
  gc_alloc(HandlerId::op_struct_new_default_sI, ValType::ref(type_index, false),
           {opd_imm(reinterpret_cast<uint64_t>(&site))}, 0);
}

void IrBuilder::on_struct_get(wasm::Op op, uint32_t type_index, uint32_t field) {
  mark_site();
  const auto& fields = module_.type_def(type_index).fields;
  std::vector<gc::Storage> storage;
  for (const wasm::FieldType& f : fields) storage.push_back(gc::storage_of(f));
  uint32_t offset = gc::make_struct_layout(0, storage).offsets[field];
  uint32_t h = height() - 1;
  Entry obj = pop();
  uint32_t os = slot_of(obj, h);
  emit_result(get_handler(storage[field], op, false), fields[field].type, {opd_s(os), opd_imm(offset)});
}

void IrBuilder::on_struct_set(uint32_t type_index, uint32_t field) {
  mark_site();
  const auto& fields = module_.type_def(type_index).fields;
  std::vector<gc::Storage> storage;
  for (const wasm::FieldType& f : fields) storage.push_back(gc::storage_of(f));
  uint32_t offset = gc::make_struct_layout(0, storage).offsets[field];
  uint32_t h = height() - 2;
  Entry v = pop(), obj = pop();
  uint32_t vs = slot_of(v, h + 1), os = slot_of(obj, h);
  emit(set_handler(storage[field], false), {opd_s(os), opd_s(vs), opd_imm(offset)});
  invalidate();
}

// ---- arrays ----

void IrBuilder::on_array_new(uint32_t type_index) {
  mark_site();
  uint32_t h = height() - 2;
  Entry n = stack_[h + 1], v = stack_[h];
  uint32_t ns = slot_of(n, h + 1), vs = slot_of(v, h);
  gc_alloc(HandlerId::op_array_new_sxiss, ValType::ref(type_index, false),
           {opd_x(type_index), opd_imm(uint32_t(storage_of(type_index, 0))), opd_s(vs), opd_s(ns)}, 2);
}

void IrBuilder::on_array_new_default(uint32_t type_index) {
  mark_site();
  uint32_t h = height() - 1;
  uint32_t ns = slot_of(stack_[h], h);
  gc_alloc(HandlerId::op_array_new_default_sxis, ValType::ref(type_index, false),
           {opd_x(type_index), opd_imm(uint32_t(storage_of(type_index, 0))), opd_s(ns)}, 1);
}

void IrBuilder::on_array_new_fixed(uint32_t type_index, uint32_t n) {
  mark_site();
  materialize_top(n);
  uint32_t base = height() - n;
  uint32_t first = off(home(base));
  gc_alloc(HandlerId::op_array_new_fixed_sxiis, ValType::ref(type_index, false),
           {opd_x(type_index), opd_imm(uint32_t(storage_of(type_index, 0))), opd_imm(n), opd_s(first)}, n);
}

void IrBuilder::on_array_new_data(uint32_t type_index, uint32_t data) {
  mark_site();
  uint32_t h = height() - 2;
  uint32_t ns = slot_of(stack_[h + 1], h + 1), os = slot_of(stack_[h], h);
  gc_alloc(HandlerId::op_array_new_data_sxixss, ValType::ref(type_index, false),
           {opd_x(type_index), opd_imm(uint32_t(storage_of(type_index, 0))), opd_x(data), opd_s(os), opd_s(ns)}, 2);
}

void IrBuilder::on_array_new_elem(uint32_t type_index, uint32_t elem) {
  mark_site();
  uint32_t h = height() - 2;
  uint32_t ns = slot_of(stack_[h + 1], h + 1), os = slot_of(stack_[h], h);
  gc_alloc(HandlerId::op_array_new_elem_sxxss, ValType::ref(type_index, false),
           {opd_x(type_index), opd_x(elem), opd_s(os), opd_s(ns)}, 2);
}

void IrBuilder::on_array_get(wasm::Op op, uint32_t type_index) {
  mark_site();
  uint32_t h = height() - 2;
  Entry i = pop(), a = pop();
  uint32_t is = slot_of(i, h + 1), as = slot_of(a, h);
  gc::Storage s = storage_of(type_index, 0);
  emit_result(get_handler(s, op, true), module_.type_def(type_index).fields[0].type, {opd_s(as), opd_s(is)});
}

void IrBuilder::on_array_set(uint32_t type_index) {
  mark_site();
  uint32_t h = height() - 3;
  Entry v = pop(), i = pop(), a = pop();
  uint32_t vs = slot_of(v, h + 2), is = slot_of(i, h + 1), as = slot_of(a, h);
  emit(set_handler(storage_of(type_index, 0), true), {opd_s(as), opd_s(is), opd_s(vs)});
  invalidate();
}

void IrBuilder::on_array_len() {
  mark_site();
  uint32_t h = height() - 1;
  Entry a = pop();
  uint32_t as = slot_of(a, h);
  emit_result(HandlerId::op_array_len_ss, ValType::i32(), {opd_s(as)});
}

void IrBuilder::on_array_fill(uint32_t) {
  mark_site();
  uint32_t h = height() - 4;
  Entry n = pop(), v = pop(), i = pop(), a = pop();
  uint32_t ns = slot_of(n, h + 3), vs = slot_of(v, h + 2), is = slot_of(i, h + 1), as = slot_of(a, h);
  emit(HandlerId::op_array_fill_ssss, {opd_s(as), opd_s(is), opd_s(vs), opd_s(ns)});
  invalidate();
}

void IrBuilder::on_array_copy(uint32_t, uint32_t) {
  mark_site();
  uint32_t h = height() - 5;
  Entry n = pop(), si = pop(), sa = pop(), di = pop(), da = pop();
  uint32_t ns = slot_of(n, h + 4), sis = slot_of(si, h + 3), sas = slot_of(sa, h + 2), dis = slot_of(di, h + 1),
           das = slot_of(da, h);
  emit(HandlerId::op_array_copy_sssss, {opd_s(das), opd_s(dis), opd_s(sas), opd_s(sis), opd_s(ns)});
  invalidate();
}

void IrBuilder::on_array_init_data(uint32_t, uint32_t data) { emit_array_init(HandlerId::op_array_init_data_xssss, data); }

void IrBuilder::on_array_init_elem(uint32_t, uint32_t elem) { emit_array_init(HandlerId::op_array_init_elem_xssss, elem); }

// array.init_data / array.init_elem: (array, dest index, source offset, count) and the segment index.
void IrBuilder::emit_array_init(HandlerId id, uint32_t segment) {
  mark_site();
  uint32_t h = height() - 4;
  Entry n = pop(), s = pop(), d = pop(), a = pop();
  uint32_t ns = slot_of(n, h + 3), ss = slot_of(s, h + 2), ds = slot_of(d, h + 1), as = slot_of(a, h);
  emit(id, {opd_x(segment), opd_s(as), opd_s(ds), opd_s(ss), opd_s(ns)});
  invalidate();
}

// ---- i31, ref.eq, casts, conversions ----

void IrBuilder::on_ref_i31() {
  uint32_t h = height() - 1;
  Entry v = pop();
  uint32_t vs = slot_of(v, h);
  emit_result(HandlerId::op_ref_i31_ss, ValType::ref(uint32_t(wasm::HeapKind::i31), false), {opd_s(vs)});
}

void IrBuilder::on_i31_get(bool is_signed) {
  mark_site();
  uint32_t h = height() - 1;
  Entry v = pop();
  uint32_t vs = slot_of(v, h);
  emit_result(is_signed ? HandlerId::op_i31_get_s_ss : HandlerId::op_i31_get_u_ss, ValType::i32(), {opd_s(vs)});
}

void IrBuilder::on_ref_eq() {
  uint32_t h = height() - 2;
  Entry b = pop(), a = pop();
  uint32_t bs = slot_of(b, h + 1), as = slot_of(a, h);
  emit_result(HandlerId::op_ref_eq_sss, ValType::i32(), {opd_s(as), opd_s(bs)});
}

void IrBuilder::on_ref_test(ValType target, ValType) {
  uint32_t h = height() - 1;
  Entry r = pop();
  uint32_t rs = slot_of(r, h);
  emit_result(HandlerId::op_ref_test_ssii, ValType::i32(), {opd_s(rs), opd_imm(target.heap()), opd_imm(cast_flags(target))});
}

// ref.cast checks the reference where it is, as ref.as_non_null does.
void IrBuilder::on_ref_cast(ValType target, ValType) {
  mark_site();
  uint32_t h = height() - 1;
  uint32_t s = slot_of(stack_.back(), h);
  emit(HandlerId::op_ref_cast_sii, {opd_s(s), opd_imm(target.heap()), opd_imm(cast_flags(target))});
  stack_.back().type = target;
  invalidate();
}

// br_on_cast(_fail): the reference is the branch's last value and stays on the stack when not branching
// (as br_on_non_null, without the pop): typed `to` on the cast branch, else the operand's type.
void IrBuilder::on_br_on_cast(uint32_t depth, ValType from, ValType to, bool fail) {
  Ctl& t = label(depth);
  uint32_t n = t.kind == CtlKind::function ? uint32_t(result_types_.size()) : arity(t);
  if (stack_.back().kind == Kind::konst) materialize(height() - 1);
  uint32_t ref_slot = off(stack_.back().slot);
  HandlerId take = fail ? HandlerId::op_br_on_cast_fail_sbii : HandlerId::op_br_on_cast_sbii;
  HandlerId skip_id = fail ? HandlerId::op_br_on_cast_sbii : HandlerId::op_br_on_cast_fail_sbii;
  Operands ops{opd_s(ref_slot), opd_b(), opd_imm(to.heap()), opd_imm(cast_flags(to))};
  if (!needs_copies(t, n)) {
    uint32_t instr = emit(take, ops);
    branch_to(t, instr, operand_at(instr, take, 1));
  } else {
    uint32_t skip = emit(skip_id, ops);
    emit_jump(t);
    code_[operand_at(skip, skip_id, 1)] = pc() - skip;
  }
  invalidate();
  // Not branching: br_on_cast leaves the operand (its type minus `to`), br_on_cast_fail the cast value.
  if (fail) {
    stack_.back().type = to;
  } else {
    stack_.back().type = from;
  }
}

void IrBuilder::on_any_convert_extern() {
  mark_site();
  uint32_t h = height() - 1;
  Entry v = stack_[h];
  uint32_t vs = slot_of(v, h);
  gc_alloc(HandlerId::op_any_convert_extern_ss, ValType::ref(uint32_t(wasm::HeapKind::any), v.type.nullable()),
           {opd_s(vs)}, 1);
}

void IrBuilder::on_extern_convert_any() {
  mark_site();
  uint32_t h = height() - 1;
  Entry v = stack_[h];
  uint32_t vs = slot_of(v, h);
  gc_alloc(HandlerId::op_extern_convert_any_ss,
           ValType::ref(uint32_t(wasm::HeapKind::extern_), v.type.nullable()), {opd_s(vs)}, 1);
}

}  // namespace wisp::interp
