// wisp public API: functions. Func (a Wasm or host function of a store), Caller (what a host function
// sees of its caller), TypedFunc (statically typed calls without Val boxing), and Func::wrap, which
// deduces a host function's Wasm signature from a C++ lambda.
#pragma once
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "wisp/error.h"
#include "wisp/store.h"
#include "wisp/types.h"
#include "wisp/val.h"

namespace wisp::runtime {
struct FuncInstance;
struct InstanceData;
}

namespace wisp {

class Memory;
class Extern;
template <class Sig>
class TypedFunc;

// Handed to host functions: the store and the calling instance (its exports, e.g. its memory).
class Caller {
 public:
  Caller(Store& store, runtime::InstanceData* instance) : store_(&store), instance_(instance) {}
  Store& store() { return *store_; }
  // The store's embedder data (Store::set_data).
  void* data() const { return store_->data(); }
  // The caller's exported memory `name` (nullopt when called from the host or not exported).
  std::optional<Memory> memory(std::string_view name = "memory");
  // Any export of the calling instance.
  std::optional<Extern> get_export(std::string_view name);

 private:
  Store* store_;
  runtime::InstanceData* instance_;  // nullptr when the host called the function directly
};

// A host function over Vals: params in `args`, one Val per result to write into `results`.
// Returning an Error traps the guest with its message (kind Trap; Error::exit_code is kept).
using HostFunc = std::function<Result<void>(Caller&, std::span<const Val> args, std::span<Val> results)>;
// The same over raw slots (no boxing): used by Func::wrap.
using RawHostFunc = std::function<Result<void>(Caller&, const detail::RawVal* args, detail::RawVal* results)>;

namespace detail {

// Conversion of the C++ types usable in Func::wrap / TypedFunc signatures to and from raw slots.
template <class T>
struct WasmValue;
template <>
struct WasmValue<int32_t> {
  static constexpr ValKind kind = ValKind::i32;
  static int32_t load(Store&, const RawVal& r) { int32_t v; std::memcpy(&v, r.bytes, 4); return v; }
  static bool store(Store&, RawVal& r, int32_t v) { r = {}; std::memcpy(r.bytes, &v, 4); return true; }
};
template <>
struct WasmValue<uint32_t> {
  static constexpr ValKind kind = ValKind::i32;
  static uint32_t load(Store&, const RawVal& r) { uint32_t v; std::memcpy(&v, r.bytes, 4); return v; }
  static bool store(Store&, RawVal& r, uint32_t v) { r = {}; std::memcpy(r.bytes, &v, 4); return true; }
};
template <>
struct WasmValue<int64_t> {
  static constexpr ValKind kind = ValKind::i64;
  static int64_t load(Store&, const RawVal& r) { int64_t v; std::memcpy(&v, r.bytes, 8); return v; }
  static bool store(Store&, RawVal& r, int64_t v) { r = {}; std::memcpy(r.bytes, &v, 8); return true; }
};
template <>
struct WasmValue<uint64_t> {
  static constexpr ValKind kind = ValKind::i64;
  static uint64_t load(Store&, const RawVal& r) { uint64_t v; std::memcpy(&v, r.bytes, 8); return v; }
  static bool store(Store&, RawVal& r, uint64_t v) { r = {}; std::memcpy(r.bytes, &v, 8); return true; }
};
template <>
struct WasmValue<float> {
  static constexpr ValKind kind = ValKind::f32;
  static float load(Store&, const RawVal& r) { float v; std::memcpy(&v, r.bytes, 4); return v; }
  static bool store(Store&, RawVal& r, float v) { r = {}; std::memcpy(r.bytes, &v, 4); return true; }
};
template <>
struct WasmValue<double> {
  static constexpr ValKind kind = ValKind::f64;
  static double load(Store&, const RawVal& r) { double v; std::memcpy(&v, r.bytes, 8); return v; }
  static bool store(Store&, RawVal& r, double v) { r = {}; std::memcpy(r.bytes, &v, 8); return true; }
};

// Result types: void, a value, a std::tuple of values, or Result<one of those> (an Error traps).
template <class R>
struct WasmResults {
  static std::vector<ValType> types() { return {WasmValue<R>::kind}; }
  static constexpr size_t count = 1;
  static bool store(Store& s, RawVal* out, R v) { return WasmValue<R>::store(s, out[0], v); }
};
template <>
struct WasmResults<void> {
  static std::vector<ValType> types() { return {}; }
  static constexpr size_t count = 0;
};
template <class... T>
struct WasmResults<std::tuple<T...>> {
  static std::vector<ValType> types() { return {WasmValue<T>::kind...}; }
  static constexpr size_t count = sizeof...(T);
  static bool store(Store& s, RawVal* out, const std::tuple<T...>& v) {
    return store_each(s, out, v, std::index_sequence_for<T...>{});
  }
  template <size_t... I>
  static bool store_each(Store& s, RawVal* out, const std::tuple<T...>& v, std::index_sequence<I...>) {
    return (WasmValue<T>::store(s, out[I], std::get<I>(v)) && ...);
  }
};

template <class R>
struct StripResult {
  using type = R;
  static constexpr bool is_result = false;
};
template <class R>
struct StripResult<Result<R>> {
  using type = R;
  static constexpr bool is_result = true;
};

// Signature deduction for lambdas, function objects and function pointers.
template <class F>
struct FnSig : FnSig<decltype(&F::operator())> {};
template <class R, class... A>
struct FnSig<R (*)(A...)> {
  using Ret = R;
  using Args = std::tuple<A...>;
};
template <class R, class... A>
struct FnSig<R(A...)> : FnSig<R (*)(A...)> {};
template <class C, class R, class... A>
struct FnSig<R (C::*)(A...) const> : FnSig<R (*)(A...)> {};
template <class C, class R, class... A>
struct FnSig<R (C::*)(A...)> : FnSig<R (*)(A...)> {};
template <class C, class R, class... A>
struct FnSig<R (C::*)(A...) const noexcept> : FnSig<R (*)(A...)> {};
template <class C, class R, class... A>
struct FnSig<R (C::*)(A...) noexcept> : FnSig<R (*)(A...)> {};

template <class Args>
struct HostParams;
template <class... A>
struct HostParams<std::tuple<A...>> {
  static constexpr bool has_caller = false;
  using Values = std::tuple<A...>;
};
template <class... A>
struct HostParams<std::tuple<Caller&, A...>> {
  static constexpr bool has_caller = true;
  using Values = std::tuple<A...>;
};

template <class T>
using Plain = std::remove_cvref_t<T>;

template <class F>
struct HostAdapter {
  using Sig = FnSig<F>;
  using Params = HostParams<typename Sig::Args>;
  using Ret = typename Sig::Ret;
  using Value = typename StripResult<Ret>::type;

  template <class Tuple>
  struct ParamKinds;
  template <class... A>
  struct ParamKinds<std::tuple<A...>> {
    static std::vector<ValType> types() { return {WasmValue<Plain<A>>::kind...}; }
  };

  static FuncType type() {
    return FuncType(ParamKinds<typename Params::Values>::types(), WasmResults<Value>::types());
  }

  template <class... A, size_t... I>
  static decltype(auto) call(F& f, Caller& c, const RawVal* args, std::tuple<A...>*, std::index_sequence<I...>) {
    if constexpr (Params::has_caller)
      return f(c, WasmValue<Plain<A>>::load(c.store(), args[I])...);
    else
      return f(WasmValue<Plain<A>>::load(c.store(), args[I])...);
  }

  static Result<void> invoke(F& f, Caller& c, const RawVal* args, RawVal* results) {
    using Values = typename Params::Values;
    auto run = [&]() -> decltype(auto) {
      return call(f, c, args, static_cast<Values*>(nullptr), std::make_index_sequence<std::tuple_size_v<Values>>{});
    };
    if constexpr (std::is_void_v<Ret>) {
      run();
      return {};
    } else if constexpr (StripResult<Ret>::is_result) {
      auto r = run();
      if (!r.ok()) return std::move(r.error());
      if constexpr (!std::is_void_v<Value>) {
        if (!WasmResults<Value>::store(c.store(), results, std::move(r.value())))
          return Error::trap("host function returned a value of another store");
      }
      return {};
    } else {
      if (!WasmResults<Value>::store(c.store(), results, run()))
        return Error::trap("host function returned a value of another store");
      return {};
    }
  }
};

}  // namespace detail

// A function of a store: defined by a Wasm instance or by the host. A small handle {store id, object};
// using it with another store returns a Usage error.
class Func {
 public:
  Func() = default;  // an empty handle: every operation fails with a Usage error

  // A host function with an explicit type.
  static Func create(Store& store, const FuncType& type, HostFunc fn);
  // A host function over raw slots (internal fast path of wrap).
  static Func create_raw(Store& store, const FuncType& type, RawHostFunc fn);
  // A host function whose Wasm type is deduced from `f`: params int32_t/uint32_t (i32), int64_t/uint64_t
  // (i64), float, double, std::optional<Func> (funcref), optionally preceded by `Caller&`; returns void, one such value, a std::tuple of
  // them, or Result<any of those> (an Error traps the guest).
  template <class F>
  static Func wrap(Store& store, F&& f) {
    using Adapter = detail::HostAdapter<std::decay_t<F>>;
    return create_raw(store, Adapter::type(),
                      [fn = std::decay_t<F>(std::forward<F>(f))](Caller& c, const detail::RawVal* args,
                                                               detail::RawVal* results) mutable {
                        return Adapter::invoke(fn, c, args, results);
                      });
  }

  // Calls the function; checks the argument count and types. Traps come back as Error (kind Trap or
  // Exhaustion) with a backtrace.
  Result<std::vector<Val>> call(Store& store, std::span<const Val> args) const;
  Result<std::vector<Val>> call(Store& store, std::initializer_list<Val> args) const {
    return call(store, std::span<const Val>(args.begin(), args.size()));
  }
  // Same, writing into `results` (its size must equal the result count).
  Result<void> call(Store& store, std::span<const Val> args, std::span<Val> results) const;

  // A statically typed view, e.g. func.typed<int32_t(int32_t, int32_t)>(store). Fails (Usage) when the
  // signature does not match the function's type.
  template <class Sig>
  Result<TypedFunc<Sig>> typed(Store& store) const;

  // The function's type; a Usage error for an empty handle or one of another store.
  Result<FuncType> type(Store& store) const;

  // Internal: unchecked call over raw slots (store checked; types are the caller's responsibility).
  Result<void> call_raw(Store& store, const detail::RawVal* args, detail::RawVal* results) const;
  // The same for TypedFunc's hot path: no Result to build and destroy on success; false with `err` set
  // on failure.
  bool call_raw(Store& store, const detail::RawVal* args, detail::RawVal* results, std::optional<Error>& err) const;
  // Internal: whether a parameter has a typed reference type ((ref $t), non-nullable), whose values the
  // unchecked calls cannot check; typed() refuses such functions (call() checks each value).
  bool has_typed_ref_params() const;
  Func(uint64_t store_id, runtime::FuncInstance* f) : store_id_(store_id), func_(f) {}
  uint64_t store_id() const { return store_id_; }
  runtime::FuncInstance* internal() const { return func_; }
  bool operator==(const Func&) const = default;

 private:
  uint64_t store_id_ = 0;
  runtime::FuncInstance* func_ = nullptr;
};

namespace detail {
// funcref parameters and results of wrapped/typed functions: std::optional<Func> (nullopt is null).
template <>
struct WasmValue<std::optional<Func>> {
  static constexpr ValKind kind = ValKind::funcref;
  static std::optional<Func> load(Store& s, const RawVal& r) {
    runtime::FuncInstance* f;
    std::memcpy(&f, r.bytes, sizeof f);
    if (!f) return std::nullopt;
    return Func(s.id(), f);
  }
  static bool store(Store& s, RawVal& r, const std::optional<Func>& v) {
    r = {};
    if (!v || !v->internal()) return true;
    if (v->store_id() != s.id()) return false;
    runtime::FuncInstance* f = v->internal();
    std::memcpy(r.bytes, &f, sizeof f);
    return true;
  }
};
}  // namespace detail

// A Func with a static signature R(A...): R is void, a value type or std::tuple of them.
template <class R, class... A>
class TypedFunc<R(A...)> {
 public:
  explicit TypedFunc(Func f) : func_(f) {}
  const Func& func() const { return func_; }

  Result<R> call(Store& store, A... args) const {
    constexpr size_t na = sizeof...(A), nr = detail::WasmResults<R>::count;
    detail::RawVal in[na > 0 ? na : 1];
    detail::RawVal raw[nr > 0 ? nr : 1];
    [[maybe_unused]] size_t i = 0;
    bool ok = (detail::WasmValue<A>::store(store, in[i++], args) && ... && true);
    if (!ok) return Error::usage("argument belongs to another store");
    std::optional<Error> err;
    if (!func_.call_raw(store, in, raw, err)) return std::move(*err);
    if constexpr (std::is_void_v<R>) {
      return {};
    } else if constexpr (detail::WasmResults<R>::count == 1 && !IsTuple<R>::value) {
      return detail::WasmValue<R>::load(store, raw[0]);
    } else {
      return load_tuple(store, raw, static_cast<R*>(nullptr), std::make_index_sequence<std::tuple_size_v<R>>{});
    }
  }

  static std::vector<ValType> param_types() { return {detail::WasmValue<A>::kind...}; }
  static std::vector<ValType> result_types() { return detail::WasmResults<R>::types(); }

 private:
  template <class T>
  struct IsTuple : std::false_type {};
  template <class... T>
  struct IsTuple<std::tuple<T...>> : std::true_type {};
  template <class... T, size_t... I>
  static R load_tuple(Store& s, const detail::RawVal* raw, std::tuple<T...>*, std::index_sequence<I...>) {
    return R(detail::WasmValue<T>::load(s, raw[I])...);
  }
  Func func_;
};

template <class Sig>
Result<TypedFunc<Sig>> Func::typed(Store& store) const {
  Result<FuncType> t = type(store);
  if (!t.ok()) return std::move(t.error());
  if (t->params() != TypedFunc<Sig>::param_types() || t->results() != TypedFunc<Sig>::result_types())
    return Error::usage("function type mismatch: the function has type " + t->to_string());
  if (has_typed_ref_params()) return Error::usage("typed reference parameters are checked by call() only");
  return TypedFunc<Sig>(*this);
}

}  // namespace wisp
