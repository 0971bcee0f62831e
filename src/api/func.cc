#include <vector>

#include "api/internal.h"
#include "runtime/public_kind.h"
#include "runtime/instantiate.h"
#include "wisp/extern.h"
#include "wisp/func.h"

namespace wisp {

namespace {

// A host function's Error traps the guest with its message (Exhaustion from a nested call stays, and an
// exception is thrown into the caller).
Error as_trap(Error e) {
  if (e.kind != ErrorKind::Exhaustion && !(e.kind == ErrorKind::Exception && e.exception)) e.kind = ErrorKind::Trap;
  return e;
}

// Func::call once the counts are checked: converts and checks the Vals, runs, converts the results.
Result<void> call_values(Store& store, runtime::FuncInstance* func, std::span<const Val> args,
                         std::span<Val> results, runtime::Value* in, runtime::Value* out) {
  const wasm::FuncType& ft = *func->type;
  for (size_t i = 0; i < args.size(); ++i) {
    // Parameter types name the function's module's types; the check compares canonical ids.
    wasm::ValType want = func->instance ? runtime::canonical_type(ft.params[i], func->instance->type_ids) : ft.params[i];
    if (Result<void> r = detail::check_val(store, args[i], want); !r.ok())
      return Error::usage("argument " + std::to_string(i) + ": " + r.error().message);
    in[i] = detail::to_value(args[i]);
  }
  if (std::optional<Error> err; !detail::call(store, func, in, out, err))
    return std::move(*err);
  for (size_t i = 0; i < results.size(); ++i)
    results[i] = detail::to_val(
        runtime::public_kind(store.data_internal(),
                            func->instance ? runtime::canonical_type(ft.results[i], func->instance->type_ids) : ft.results[i]),
        out[i], store.data_internal());
  return {};
}

}  // namespace

std::optional<Memory> Caller::memory(std::string_view name) {
  std::optional<Extern> e = get_export(name);
  if (!e) return std::nullopt;
  return e->memory();
}

std::optional<Extern> Caller::get_export(std::string_view name) {
  if (!instance_) return std::nullopt;
  return detail::find_export(*store_, instance_, name);
}

Func Func::create(Store& store, const FuncType& type, HostFunc fn) {
  runtime::HostCallback cb = [fn = std::move(fn), type](runtime::HostContext& ctx, const runtime::Value* args,
                                                       runtime::Value* results) -> Result<void> {
    Store& s = *Store::from_internal(*ctx.store);
    Caller caller(s, ctx.caller);
    std::vector<Val> in;
    in.reserve(type.params().size());
    for (size_t i = 0; i < type.params().size(); ++i) in.push_back(detail::to_val(type.params()[i].kind(), args[i], s.data_internal()));
    std::vector<Val> out;
    out.reserve(type.results().size());
    for (ValType t : type.results()) out.push_back(Val::zero(t));
    Result<void> r = fn(caller, in, out);
    if (!r.ok()) return as_trap(std::move(r.error()));
    for (size_t i = 0; i < out.size(); ++i) {
      if (!detail::check_val(s, out[i], type.results()[i]).ok())
        return Error::trap("host function returned a value of the wrong type");
      results[i] = detail::to_value(out[i]);
    }
    return {};
  };
  runtime::FuncInstance* f = runtime::create_host_func(store.data_internal(), detail::to_wasm(type), std::move(cb));
  return Func(store.id(), f);
}

Func Func::create_raw(Store& store, const FuncType& type, RawHostFunc fn) {
  runtime::HostCallback cb = [fn = std::move(fn)](runtime::HostContext& ctx, const runtime::Value* args,
                                                 runtime::Value* results) -> Result<void> {
    Caller caller(*Store::from_internal(*ctx.store), ctx.caller);
    // One Result, returned as is (NRVO): a second one would cost an Error construction and destruction
    // on every Wasm->host call.
    Result<void> r = fn(caller, detail::to_raw(args), detail::to_raw(results));
    if (!r.ok()) [[unlikely]]
      if (r.error().kind != ErrorKind::Exhaustion && !(r.error().kind == ErrorKind::Exception && r.error().exception))
        r.error().kind = ErrorKind::Trap;  // as as_trap()
    return r;
  };
  runtime::FuncInstance* f = runtime::create_host_func(store.data_internal(), detail::to_wasm(type), std::move(cb));
  return Func(store.id(), f);
}

Result<FuncType> Func::type(Store& store) const {
  if (Result<void> r = detail::check_handle(store, store_id_, func_); !r.ok()) return std::move(r.error());
  FuncType t = detail::to_public(*func_->type);
  if (func_->instance) {  // concrete GC types: structref / arrayref (their kinds come from the registry)
    const std::vector<uint32_t>& ids = func_->instance->type_ids;
    for (size_t i = 0; i < t.params_.size(); ++i)
      t.params_[i] = runtime::public_kind(store.data_internal(), runtime::canonical_type(func_->type->params[i], ids));
    for (size_t i = 0; i < t.results_.size(); ++i)
      t.results_[i] = runtime::public_kind(store.data_internal(), runtime::canonical_type(func_->type->results[i], ids));
  }
  return t;
}

bool Func::has_typed_ref_params() const {
  if (func_ == nullptr) return false;
  for (wasm::ValType t : func_->type->params)
    if (t.is_ref() && (!t.nullable() || !wasm::is_abstract_heap(t.heap()))) return true;
  return false;
}

Result<void> Func::call_raw(Store& store, const detail::RawVal* args, detail::RawVal* results) const {
  // The hot path of TypedFunc::call: the same checks, but a Result is only built when one fails.
  if (!detail::owns(store, store_id_, func_)) [[unlikely]]
    return detail::check_handle(store, store_id_, func_);
  if (std::optional<Error> err; !detail::call(store, func_, detail::to_values(args), detail::to_values(results), err))
    return std::move(*err);
  return {};
}

bool Func::call_raw(Store& store, const detail::RawVal* args, detail::RawVal* results,
                    std::optional<Error>& err) const {
  if (!detail::owns(store, store_id_, func_)) [[unlikely]] {
    err.emplace(detail::check_handle(store, store_id_, func_).error());
    return false;
  }
  return detail::call(store, func_, detail::to_values(args), detail::to_values(results), err);
}

Result<void> Func::call(Store& store, std::span<const Val> args, std::span<Val> results) const {
  if (!detail::owns(store, store_id_, func_)) [[unlikely]]
    return detail::check_handle(store, store_id_, func_);
  const wasm::FuncType& ft = *func_->type;
  if (args.size() != ft.params.size())
    return Error::usage("expected " + std::to_string(ft.params.size()) + " arguments, got " +
                        std::to_string(args.size()));
  if (results.size() != ft.results.size())
    return Error::usage("expected room for " + std::to_string(ft.results.size()) + " results, got " +
                        std::to_string(results.size()));
  // Few values: uninitialised stack buffers (heap vectors, or even zeroing 16 Values, would cost as much
  // as the trivial call itself). call_values writes every entry it reads.
  constexpr size_t kInline = 8;
  if (args.size() > kInline || results.size() > kInline) [[unlikely]] {
    std::vector<runtime::Value> in(args.size()), out(results.size());
    return call_values(store, func_, args, results, in.data(), out.data());
  }
  union Buffer {
    Buffer() {}
    runtime::Value v[kInline];
  } in, out;
  return call_values(store, func_, args, results, in.v, out.v);
}

Result<std::vector<Val>> Func::call(Store& store, std::span<const Val> args) const {
  if (Result<void> r = detail::check_handle(store, store_id_, func_); !r.ok()) return std::move(r.error());
  std::vector<Val> results(func_->type->results.size());
  Result<void> r = call(store, args, std::span<Val>(results));
  if (!r.ok()) return std::move(r.error());
  return results;
}

}  // namespace wisp
