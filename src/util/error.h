// The error taxonomy shared by every layer. It is part of the public API, so it lives in
// include/wisp/error.h; this header keeps the internal include path working and adds the one
// propagation idiom of the decoders.
#pragma once
#include <utility>

#include "wisp/error.h"

// WISP_TRY(expr): evaluates a Result<T>; on error, returns its Error from the enclosing function
// (whose return type is any Result<U>).
// WISP_TRY(decl, expr): the same, then binds the value: `WISP_TRY(uint32_t n, r.u32());`.
#define WISP_TRY(...) WISP_TRY_PICK_(__VA_ARGS__, WISP_TRY_BIND_, WISP_TRY_CHECK_, )(__VA_ARGS__)

#define WISP_TRY_PICK_(a, b, name, ...) name
#define WISP_TRY_CAT2_(a, b) a##b
#define WISP_TRY_CAT_(a, b) WISP_TRY_CAT2_(a, b)
#define WISP_TRY_TMP_ WISP_TRY_CAT_(wisp_try_, __LINE__)
#define WISP_TRY_CHECK_(expr)                                               \
  do {                                                                      \
    if (auto&& wisp_try_r_ = (expr); !wisp_try_r_.ok()) [[unlikely]]        \
      return std::move(wisp_try_r_.error());                                \
  } while (0)
#define WISP_TRY_BIND_(decl, expr)                                          \
  auto WISP_TRY_TMP_ = (expr);                                              \
  if (!WISP_TRY_TMP_.ok()) [[unlikely]] return std::move(WISP_TRY_TMP_.error()); \
  decl = std::move(WISP_TRY_TMP_).value()
