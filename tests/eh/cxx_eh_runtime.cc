// A tiny C++ exception runtime for wasm32-wasi programs built with `clang++ -fwasm-exceptions` (the legacy
// try/catch/rethrow encoding and the __cpp_exception tag). Debian's libc++abi for wasm has no exception
// support, so the test program links this file instead. It implements what clang's generated code calls:
//
//   __cxa_allocate_exception / __cxa_free_exception / __cxa_throw / __cxa_rethrow
//   __cxa_begin_catch / __cxa_end_catch / __cxa_get_exception_ptr
//   _Unwind_RaiseException (throws the __cpp_exception tag), _Unwind_CallPersonality and the personality
//   __gxx_wasm_personality_v0, which reads the LSDA to choose the catch clause of a landing pad
//   the type_info classes (whose vtables the compiler's typeinfo objects point at), std::terminate and
//   the global operator new/delete, std::uncaught_exceptions
//
// How Wasm EH differs from the Itanium two-phase unwinder: there is no search phase. The engine unwinds to
// the nearest `catch __cpp_exception`; that landing pad stores its index and LSDA address in
// __wasm_lpad_context and calls _Unwind_CallPersonality, which sets the selector (the type-table index of
// the matching clause, 0 for none); the pad then compares the selector with each clause's index and
// rethrows when nothing matches. Cleanup-only pads are `catch_all ... rethrow` and never call us.
//
// Supported matching: catch(...), the exact type (by mangled name), and a class caught through a public,
// unambiguous base (single, multiple and virtual inheritance, with the pointer adjusted). Not supported:
// pointer conversions (Derived* to Base*, qualification conversions), exception specifications, and
// foreign exceptions (other tags, or other runtimes' headers: a catch(...) of one does not keep the stack
// of caught exceptions straight). Single-threaded, like wasi-libc without threads.

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---- type_info: the layouts the compiler emits (vptr, name, then kind-specific fields) ----

namespace std {
class type_info {
 public:
  // 0: fundamental/other (exact match only), 1: class, 2: class with one public base at offset 0,
  // 3: class with any bases (base table), 4: pointer (exact match only).
  virtual int eh_kind() const;  // the key function: emits the vtable here
  const char* name() const { return name_; }

 protected:
  const char* name_;
};
int type_info::eh_kind() const { return 0; }

int uncaught_exceptions() noexcept;

[[noreturn]] void terminate() noexcept {
  fputs("terminate called (uncaught or bad exception)\n", stderr);
  abort();
}
}  // namespace std

// Virtual destructors' deleting variants refer to these (the test program never uses new/delete).
void* operator new(size_t size) {
  void* p = malloc(size ? size : 1);
  if (!p) std::terminate();
  return p;
}
void operator delete(void* p) noexcept { free(p); }
void operator delete(void* p, size_t) noexcept { free(p); }

namespace __cxxabiv1 {
// Defining this class's key function makes clang emit the typeinfo of every fundamental type (int, char
// const*, ...) in this file, as libc++abi relies on; their pointer forms need __pointer_type_info.
class __fundamental_type_info : public std::type_info {
 public:
  int eh_kind() const override;
};
int __fundamental_type_info::eh_kind() const { return 0; }

class __pbase_type_info : public std::type_info {
 public:
  int eh_kind() const override;
  unsigned int flags_;
  const std::type_info* pointee_;
};
int __pbase_type_info::eh_kind() const { return 4; }

class __pointer_type_info : public __pbase_type_info {
 public:
  int eh_kind() const override;
};
int __pointer_type_info::eh_kind() const { return 4; }

class __class_type_info : public std::type_info {
 public:
  int eh_kind() const override;
};
int __class_type_info::eh_kind() const { return 1; }

class __si_class_type_info : public __class_type_info {
 public:
  int eh_kind() const override;
  const __class_type_info* base_;
};
int __si_class_type_info::eh_kind() const { return 2; }

struct __base_class_type_info {
  const __class_type_info* base_type;
  // offset << 8 | 2 (public) | 1 (virtual: then the offset locates the base's offset in the vtable)
  long offset_flags;
};

class __vmi_class_type_info : public __class_type_info {
 public:
  int eh_kind() const override;
  unsigned int flags_;
  unsigned int base_count_;
  __base_class_type_info base_info_[1];
};
int __vmi_class_type_info::eh_kind() const { return 3; }
}  // namespace __cxxabiv1

using __cxxabiv1::__base_class_type_info;
using __cxxabiv1::__class_type_info;
using __cxxabiv1::__si_class_type_info;
using __cxxabiv1::__vmi_class_type_info;

namespace {

bool same_type(const std::type_info* a, const std::type_info* b) {
  return a == b || strcmp(a->name(), b->name()) == 0;
}

// The search for a base-class subobject of type `want` inside a thrown object.
struct BaseSearch {
  const std::type_info* want;
  char* found = nullptr;
  bool found_public = false;  // reached along a path of public bases
  bool ambiguous = false;     // two distinct subobjects of that type
};

void find_base(BaseSearch& s, const std::type_info* have, char* obj, bool public_path) {
  if (same_type(have, s.want)) {
    if (s.found == nullptr) s.found = obj;
    else if (s.found != obj) s.ambiguous = true;  // the same virtual base reached twice is one subobject
    s.found_public |= public_path;
    return;
  }
  int kind = have->eh_kind();
  if (kind == 2) {
    find_base(s, static_cast<const __si_class_type_info*>(have)->base_, obj, public_path);
    return;
  }
  if (kind != 3) return;
  auto* vmi = static_cast<const __vmi_class_type_info*>(have);
  for (unsigned i = 0; i < vmi->base_count_; ++i) {
    long flags = vmi->base_info_[i].offset_flags;
    long offset = flags >> 8;
    if (flags & 1) {
      // The vtable of this subobject holds the virtual base's offset at `offset` bytes from the vptr.
      char* vtable = *reinterpret_cast<char**>(obj);
      offset = *reinterpret_cast<long*>(vtable + offset);
    }
    find_base(s, vmi->base_info_[i].base_type, obj + offset, public_path && (flags & 2) != 0);
  }
}

// Can a handler for `want` catch an exception of type `have` whose object is at `obj`? On success
// `*adjusted` is what the handler binds to (a base subobject for a base-class handler).
bool can_catch(const std::type_info* want, const std::type_info* have, void* obj, void** adjusted) {
  if (want == nullptr) {  // catch (...)
    *adjusted = obj;
    return true;
  }
  int want_kind = want->eh_kind();
  if (same_type(want, have)) {
    // A pointer handler binds to the pointer's value, not to the object holding it.
    *adjusted = want_kind == 4 ? *static_cast<void**>(obj) : obj;
    return true;
  }
  if (want_kind < 1 || want_kind > 3 || have->eh_kind() < 1 || have->eh_kind() > 3) return false;
  BaseSearch s{want};
  find_base(s, have, static_cast<char*>(obj), true);
  if (s.found == nullptr || s.ambiguous || !s.found_public) return false;
  *adjusted = s.found;
  return true;
}

}  // namespace

// ---- the unwinder interface (the part of libunwind that Wasm needs) ----

extern "C" {

enum UnwindReason { URC_NO_REASON = 0, URC_FATAL_PHASE1_ERROR = 3, URC_HANDLER_FOUND = 6,
                    URC_CONTINUE_UNWIND = 8 };
enum { UA_SEARCH_PHASE = 1 };

struct _Unwind_Exception {
  uint64_t exception_class;
  void (*exception_cleanup)(int, _Unwind_Exception*);
  uintptr_t private_1;
  uintptr_t private_2;
};

// Written by the generated landing pads (offsets 0 and 4) and read back by them (offset 8).
struct _Unwind_LandingPadContext {
  uintptr_t lpad_index;
  uintptr_t lsda;
  uintptr_t selector;
};
_Unwind_LandingPadContext __wasm_lpad_context;

int __gxx_wasm_personality_v0(int version, int actions, uint64_t exception_class, _Unwind_Exception* ue,
                              _Unwind_LandingPadContext* context);

int _Unwind_RaiseException(_Unwind_Exception* ue) {
  // The payload of the __cpp_exception tag (index 0) is the address of the unwind header.
  __builtin_wasm_throw(0, ue);
}

void _Unwind_DeleteException(_Unwind_Exception* ue) {
  if (ue->exception_cleanup) ue->exception_cleanup(1, ue);
}

int _Unwind_CallPersonality(void* exception) {
  auto* ue = static_cast<_Unwind_Exception*>(exception);
  __wasm_lpad_context.selector = 0;
  return __gxx_wasm_personality_v0(1, UA_SEARCH_PHASE, ue->exception_class, ue, &__wasm_lpad_context);
}

}  // extern "C"

// ---- the C++ exception object ----

namespace {

constexpr uint64_t kOurClass = 0x434C4E47432B2B00ull;  // "CLNGC++\0", as clang's runtime uses

// Sits right before the thrown object; 16-aligned so the object is too.
struct alignas(16) ExceptionHeader {
  const std::type_info* type;
  void* (*destructor)(void*);  // Wasm's C++ ABI: destructors return `this`
  ExceptionHeader* next_caught;
  int handler_count;            // < 0 while rethrown and not yet caught again
  void* adjusted;               // set by the personality for the chosen handler
  _Unwind_Exception unwind;
};

ExceptionHeader* caught_top = nullptr;  // the stack of exceptions currently being handled
unsigned uncaught = 0;

ExceptionHeader* header_of_object(void* obj) { return static_cast<ExceptionHeader*>(obj) - 1; }
void* object_of(ExceptionHeader* h) { return h + 1; }
ExceptionHeader* header_of_unwind(void* ue) {
  return reinterpret_cast<ExceptionHeader*>(static_cast<char*>(ue) - offsetof(ExceptionHeader, unwind));
}

void destroy(ExceptionHeader* h) {
  if (h->destructor) h->destructor(object_of(h));
  free(h);
}

uintptr_t read_uleb(const uint8_t** p) {
  uintptr_t v = 0;
  unsigned shift = 0;
  uint8_t b;
  do {
    b = *(*p)++;
    v |= uintptr_t(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  return v;
}

intptr_t read_sleb(const uint8_t** p) {
  uintptr_t v = 0;
  unsigned shift = 0;
  uint8_t b;
  do {
    b = *(*p)++;
    v |= uintptr_t(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  if (shift < 8 * sizeof(v) && (b & 0x40)) v |= ~uintptr_t(0) << shift;
  return static_cast<intptr_t>(v);
}

// The size of a type-table entry for the DW_EH_PE encoding `enc` (clang emits absptr on wasm32).
size_t ttype_entry_size(uint8_t enc) {
  switch (enc & 0x0f) {
    case 0x00: return sizeof(uintptr_t);  // absptr
    case 0x02: return 2;                  // udata2
    case 0x03: return 4;                  // udata4
    case 0x04: return 8;                  // udata8
    default: return 0;
  }
}

}  // namespace

extern "C" {

void* __cxa_allocate_exception(size_t size) {
  void* mem = aligned_alloc(16, (sizeof(ExceptionHeader) + size + 15) & ~size_t(15));
  if (!mem) std::terminate();
  memset(mem, 0, sizeof(ExceptionHeader));
  return object_of(static_cast<ExceptionHeader*>(mem));
}

void __cxa_free_exception(void* obj) { free(header_of_object(obj)); }

static void cleanup_unwind(int, _Unwind_Exception* ue) { destroy(header_of_unwind(ue)); }

[[noreturn]] void __cxa_throw(void* obj, std::type_info* type, void* (*destructor)(void*)) {
  ExceptionHeader* h = header_of_object(obj);
  h->type = type;
  h->destructor = destructor;
  h->handler_count = 0;
  h->unwind.exception_class = kOurClass;
  h->unwind.exception_cleanup = cleanup_unwind;
  ++uncaught;
  _Unwind_RaiseException(&h->unwind);
  std::terminate();  // not reached: the throw leaves this function
}

// For a catch by value: the object to copy from, before __cxa_begin_catch.
void* __cxa_get_exception_ptr(void* ue) { return header_of_unwind(ue)->adjusted; }

void* __cxa_begin_catch(void* exception) {
  auto* ue = static_cast<_Unwind_Exception*>(exception);
  if (ue->exception_class != kOurClass) return nullptr;  // foreign: only catch(...) gets here
  ExceptionHeader* h = header_of_unwind(ue);
  h->handler_count = (h->handler_count < 0 ? -h->handler_count : h->handler_count) + 1;
  if (h != caught_top) {
    h->next_caught = caught_top;
    caught_top = h;
  }
  --uncaught;
  return h->adjusted;
}

void __cxa_end_catch() {
  ExceptionHeader* h = caught_top;
  if (h == nullptr) return;
  if (h->handler_count < 0) {
    // Rethrown: leaving this handler drops it from the caught stack; it lives on in flight.
    if (++h->handler_count == 0) caught_top = h->next_caught;
  } else if (--h->handler_count == 0) {
    caught_top = h->next_caught;
    destroy(h);
  }
}

[[noreturn]] void __cxa_rethrow() {
  ExceptionHeader* h = caught_top;
  if (h == nullptr) std::terminate();  // `throw;` outside a handler
  h->handler_count = -h->handler_count;
  ++uncaught;
  _Unwind_RaiseException(&h->unwind);
  std::terminate();
}

unsigned __cxa_uncaught_exceptions() { return uncaught; }

}  // extern "C"

int std::uncaught_exceptions() noexcept { return static_cast<int>(uncaught); }

extern "C" {

// Chooses the handler of the landing pad in `context` for exception `ue`: on a match, the selector is the
// clause's type-table index and the header remembers the adjusted object for __cxa_begin_catch.
int __gxx_wasm_personality_v0(int version, int actions, uint64_t exception_class, _Unwind_Exception* ue,
                              _Unwind_LandingPadContext* context) {
  if (version != 1 || !(actions & UA_SEARCH_PHASE) || context->lsda == 0) return URC_FATAL_PHASE1_ERROR;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(context->lsda);
  if (*p++ != 0xff) return URC_FATAL_PHASE1_ERROR;  // @LPStart: always omitted by clang
  uint8_t ttype_enc = *p++;
  const uint8_t* ttype_base = nullptr;
  if (ttype_enc != 0xff) {
    uintptr_t off = read_uleb(&p);
    ttype_base = p + off;
  }
  if (*p++ != 0x01) return URC_FATAL_PHASE1_ERROR;  // call sites: uleb128
  uintptr_t table_len = read_uleb(&p);
  const uint8_t* actions_base = p + table_len;
  // Wasm's call-site table has one (landing pad index, action) entry per landing pad, in order.
  uintptr_t action = 0;
  bool found_pad = false;
  for (uintptr_t i = 0; p < actions_base; ++i) {
    read_uleb(&p);
    uintptr_t a = read_uleb(&p);
    if (i == context->lpad_index) {
      action = a;
      found_pad = true;
      break;
    }
  }
  if (!found_pad) return URC_FATAL_PHASE1_ERROR;
  if (action == 0) return URC_CONTINUE_UNWIND;  // cleanup only

  bool ours = exception_class == kOurClass;
  ExceptionHeader* h = ours ? header_of_unwind(ue) : nullptr;
  size_t entry = ttype_entry_size(ttype_enc);
  const uint8_t* rec = actions_base + (action - 1);
  for (;;) {
    intptr_t filter = read_sleb(&rec);
    const uint8_t* next_at = rec;
    intptr_t next = read_sleb(&rec);
    if (filter > 0 && ttype_base != nullptr && entry != 0) {
      uintptr_t tp = 0;
      memcpy(&tp, ttype_base - filter * entry, entry);
      auto* want = reinterpret_cast<const std::type_info*>(tp);
      void* adjusted = nullptr;
      if (want == nullptr && !ours) {
        context->selector = static_cast<uintptr_t>(filter);
        return URC_HANDLER_FOUND;
      }
      if (ours && can_catch(want, h->type, object_of(h), &adjusted)) {
        h->adjusted = adjusted;
        context->selector = static_cast<uintptr_t>(filter);
        return URC_HANDLER_FOUND;
      }
    }
    // filter < 0 (an exception specification) never matches here; 0 is a cleanup.
    if (next == 0) break;
    rec = next_at + next;
  }
  return URC_CONTINUE_UNWIND;
}

}  // extern "C"
