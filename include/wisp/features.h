// wisp public API: the WebAssembly proposals after 2.0 that an Engine accepts (Config::features).
// Wasm 2.0 is always on. Each later proposal is one flag, named as wasmtime's `-W NAME=y|n` names it, and
// is on by default once wisp implements it completely. The decoders reject a disabled feature's
// instructions and types as if they did not exist (an unknown opcode is "illegal opcode").
// Header-only: every layer of the engine may include it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wisp/error.h"

namespace wisp {

// X(identifier, name): every post-2.0 feature, in the order `-W help` lists them.
#define WISP_FEATURES(X)                        \
  X(tail_call, "tail-call")                     \
  X(exceptions, "exceptions")                   \
  X(legacy_exceptions, "legacy-exceptions")     \
  X(function_references, "function-references") \
  X(gc, "gc")                                   \
  X(memory64, "memory64")                       \
  X(multi_memory, "multi-memory")               \
  X(extended_const, "extended-const")           \
  X(relaxed_simd, "relaxed-simd")

enum class Feature : uint8_t {
  none,  // not a feature: part of Wasm 2.0, always enabled (the opcode tables' "no feature")
#define WISP_FEATURE_ENUM(id, name) id,
  WISP_FEATURES(WISP_FEATURE_ENUM)
#undef WISP_FEATURE_ENUM
  count_
};

// A set of enabled features: a small value type (one word).
class Features {
 public:
  // Wasm 2.0 only: every post-2.0 feature off.
  constexpr Features() = default;

  // The features complete in this version of wisp: what an Engine enables unless told otherwise.
  // Since issue 16 (GC), all of Wasm 3.0.
  static constexpr Features defaults() {
    return Features().set(Feature::tail_call).set(Feature::exceptions).set(Feature::legacy_exceptions)
        .set(Feature::function_references).set(Feature::relaxed_simd).set(Feature::multi_memory)
        .set(Feature::extended_const).set(Feature::memory64).set(Feature::gc);
  }

  // Every feature, complete or not.
  static constexpr Features all() {
    Features f;
    f.bits_ = (uint32_t(1) << unsigned(Feature::count_)) - 2;  // every bit but Feature::none's
    return f;
  }

  // Whether `f` is enabled; always true for Feature::none.
  constexpr bool has(Feature f) const { return f == Feature::none || (bits_ >> unsigned(f)) & 1; }

  // Enables or disables `f` (Feature::none cannot be disabled).
  constexpr Features& set(Feature f, bool on = true) {
    if (f == Feature::none || f >= Feature::count_) return *this;
    uint32_t bit = uint32_t(1) << unsigned(f);
    bits_ = on ? (bits_ | bit) : (bits_ & ~bit);
    return *this;
  }

  constexpr bool operator==(const Features&) const = default;

  // The `-W` name of `f` ("tail-call"); "" for Feature::none.
  static constexpr std::string_view name(Feature f) {
    switch (f) {
#define WISP_FEATURE_NAME(id, text) \
  case Feature::id: return text;
      WISP_FEATURES(WISP_FEATURE_NAME)
#undef WISP_FEATURE_NAME
      default: return "";
    }
  }

  // The feature called `name` (its `-W` name, or the identifier with '_' for '-'), if any.
  static std::optional<Feature> from_name(std::string_view name) {
    for (unsigned i = 1; i < unsigned(Feature::count_); ++i) {
      std::string_view n = Features::name(Feature(i));
      if (n.size() != name.size()) continue;
      bool same = true;
      for (size_t k = 0; k < n.size() && same; ++k) same = n[k] == name[k] || (n[k] == '-' && name[k] == '_');
      if (same) return Feature(i);
    }
    return std::nullopt;
  }

  // Applies settings in wasmtime's `-W` syntax: a comma-separated list of NAME=VALUE, where VALUE is
  // y/yes/true or n/no/false and a bare NAME means NAME=y. The name `all-proposals` sets every feature.
  // On a bad name or value returns a Usage error naming it and leaves *this unchanged.
  Result<void> apply(std::string_view settings) {
    Features next = *this;
    while (true) {
      size_t comma = settings.find(',');
      std::string_view item = settings.substr(0, comma);
      if (Result<void> r = next.apply_one(item); !r.ok()) return r;
      if (comma == std::string_view::npos) break;
      settings.remove_prefix(comma + 1);
    }
    *this = next;
    return {};
  }

  // The decoders' message for a construct of an enabled feature that wisp does not implement yet:
  // "return_call: not supported yet (feature tail-call)".
  static std::string unsupported_message(std::string_view what, Feature f) {
    return std::string(what) + ": not supported yet (feature " + std::string(name(f)) + ")";
  }

  // "NAME, NAME, ..." of every feature, for help and error messages.
  static std::string names() {
    std::string s;
    for (unsigned i = 1; i < unsigned(Feature::count_); ++i) {
      if (!s.empty()) s += ", ";
      s += name(Feature(i));
    }
    return s;
  }

 private:
  Result<void> apply_one(std::string_view item) {
    size_t eq = item.find('=');
    std::string_view key = item.substr(0, eq);
    std::optional<bool> on = true;
    if (eq != std::string_view::npos) on = parse_bool(item.substr(eq + 1));
    if (key.empty())
      return Error::usage("-W: missing feature name in '" + std::string(item) + "' (features: " + names() + ")");
    if (!on)
      return Error::usage("-W " + std::string(key) + ": bad value '" + std::string(item.substr(eq + 1)) +
                          "' (y or n)");
    if (key == "all-proposals") {
      *this = *on ? all() : Features();
      return {};
    }
    std::optional<Feature> f = from_name(key);
    if (!f)
      return Error::usage("-W: unknown feature '" + std::string(key) + "' (features: " + names() +
                          ", all-proposals)");
    set(*f, *on);
    return {};
  }

  static std::optional<bool> parse_bool(std::string_view v) {
    if (v == "y" || v == "yes" || v == "true") return true;
    if (v == "n" || v == "no" || v == "false") return false;
    return std::nullopt;
  }

  uint32_t bits_ = 0;  // bit i: Feature(i) enabled (bit 0, Feature::none, is never stored)
};

}  // namespace wisp
