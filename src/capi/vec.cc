// Vectors of the C API: byte and value vectors hold elements, the others owned pointers. An owned
// vector deletes its elements with it.
#include <cstdlib>

#include "capi/capi_internal.h"

namespace {

template <class Vec, class T>
void vec_new_uninitialized(Vec* out, size_t size) {
  out->size = size;
  out->data = size ? new T[size]() : nullptr;
}

template <class Vec, class T>
void vec_new(Vec* out, size_t size, const T* src) {
  vec_new_uninitialized<Vec, T>(out, size);
  for (size_t i = 0; i < size; ++i) out->data[i] = src[i];
}

template <class Vec>
void vec_free(Vec* v) {
  delete[] v->data;
  v->data = nullptr;
  v->size = 0;
}

}  // namespace

// Plain element vectors (bytes).
#define WISP_CAPI_PLAIN_VEC(name)                                                                      \
  extern "C" void wasm_##name##_vec_new_empty(wasm_##name##_vec_t* out) { out->size = 0; out->data = nullptr; } \
  extern "C" void wasm_##name##_vec_new_uninitialized(wasm_##name##_vec_t* out, size_t size) {        \
    vec_new_uninitialized<wasm_##name##_vec_t, wasm_##name##_t>(out, size);                           \
  }                                                                                                   \
  extern "C" void wasm_##name##_vec_new(wasm_##name##_vec_t* out, size_t size, const wasm_##name##_t src[]) { \
    vec_new<wasm_##name##_vec_t, wasm_##name##_t>(out, size, src);                                    \
  }                                                                                                   \
  extern "C" void wasm_##name##_vec_copy(wasm_##name##_vec_t* out, const wasm_##name##_vec_t* src) {  \
    vec_new<wasm_##name##_vec_t, wasm_##name##_t>(out, src->size, src->data);                         \
  }                                                                                                   \
  extern "C" void wasm_##name##_vec_delete(wasm_##name##_vec_t* v) { vec_free(v); }

// Vectors of owned pointers: copy copies each element, delete deletes each (NULL elements allowed).
#define WISP_CAPI_PTR_VEC(name)                                                                        \
  extern "C" void wasm_##name##_vec_new_empty(wasm_##name##_vec_t* out) { out->size = 0; out->data = nullptr; } \
  extern "C" void wasm_##name##_vec_new_uninitialized(wasm_##name##_vec_t* out, size_t size) {        \
    vec_new_uninitialized<wasm_##name##_vec_t, wasm_##name##_t*>(out, size);                          \
  }                                                                                                   \
  extern "C" void wasm_##name##_vec_new(wasm_##name##_vec_t* out, size_t size, wasm_##name##_t* const src[]) { \
    vec_new<wasm_##name##_vec_t, wasm_##name##_t*>(out, size, src);                                   \
  }                                                                                                   \
  extern "C" void wasm_##name##_vec_copy(wasm_##name##_vec_t* out, const wasm_##name##_vec_t* src) {  \
    vec_new_uninitialized<wasm_##name##_vec_t, wasm_##name##_t*>(out, src->size);                     \
    for (size_t i = 0; i < src->size; ++i)                                                            \
      out->data[i] = src->data[i] ? wasm_##name##_copy(src->data[i]) : nullptr;                       \
  }                                                                                                   \
  extern "C" void wasm_##name##_vec_delete(wasm_##name##_vec_t* v) {                                  \
    for (size_t i = 0; i < v->size; ++i)                                                              \
      if (v->data[i]) wasm_##name##_delete(v->data[i]);                                               \
    vec_free(v);                                                                                      \
  }

WISP_CAPI_PLAIN_VEC(byte)
WISP_CAPI_PTR_VEC(valtype)
WISP_CAPI_PTR_VEC(functype)
WISP_CAPI_PTR_VEC(globaltype)
WISP_CAPI_PTR_VEC(tabletype)
WISP_CAPI_PTR_VEC(memorytype)
WISP_CAPI_PTR_VEC(externtype)
WISP_CAPI_PTR_VEC(importtype)
WISP_CAPI_PTR_VEC(exporttype)
WISP_CAPI_PTR_VEC(frame)
WISP_CAPI_PTR_VEC(extern)

// Values: elements are values whose references the vector owns.
extern "C" void wasm_val_vec_new_empty(wasm_val_vec_t* out) {
  out->size = 0;
  out->data = nullptr;
}
extern "C" void wasm_val_vec_new_uninitialized(wasm_val_vec_t* out, size_t size) {
  vec_new_uninitialized<wasm_val_vec_t, wasm_val_t>(out, size);
  for (size_t i = 0; i < size; ++i) out->data[i].kind = WASM_I32;
}
extern "C" void wasm_val_vec_new(wasm_val_vec_t* out, size_t size, const wasm_val_t src[]) {
  vec_new<wasm_val_vec_t, wasm_val_t>(out, size, src);  // takes ownership of the references
}
extern "C" void wasm_val_vec_copy(wasm_val_vec_t* out, const wasm_val_vec_t* src) {
  vec_new_uninitialized<wasm_val_vec_t, wasm_val_t>(out, src->size);
  for (size_t i = 0; i < src->size; ++i) wasm_val_copy(&out->data[i], &src->data[i]);
}
extern "C" void wasm_val_vec_delete(wasm_val_vec_t* v) {
  for (size_t i = 0; i < v->size; ++i) wasm_val_delete(&v->data[i]);
  vec_free(v);
}

extern "C" void wasm_val_delete(wasm_val_t* v) {
  if (wasm_valkind_is_ref(v->kind) && v->of.ref) {
    wasm_ref_delete(v->of.ref);
    v->of.ref = nullptr;
  }
}

extern "C" void wasm_val_copy(wasm_val_t* out, const wasm_val_t* src) {
  *out = *src;
  if (wasm_valkind_is_ref(src->kind) && src->of.ref) out->of.ref = wasm_ref_copy(src->of.ref);
}

namespace wisp::capi {

void set_name(wasm_name_t* out, std::string_view s) {
  vec_new<wasm_byte_vec_t, wasm_byte_t>(out, s.size(), s.data());
}

void set_name_nt(wasm_name_t* out, std::string_view s) {
  vec_new_uninitialized<wasm_byte_vec_t, wasm_byte_t>(out, s.size() + 1);
  if (!s.empty()) std::memcpy(out->data, s.data(), s.size());
  out->data[s.size()] = 0;
}

std::string_view view(const wasm_byte_vec_t* v) {
  if (!v || !v->data) return {};
  return std::string_view(v->data, v->size);
}

}  // namespace wisp::capi
