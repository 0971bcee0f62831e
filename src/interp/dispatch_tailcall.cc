// The handlers of handlers.def compiled into tail-call mode (DESIGN.md §2), when WISP_DISPATCH_TAILCALL=1
// (clang): one function per handler, each ending in a [[clang::musttail]] call of the next; preserve_none
// keeps ip/fp/st/mem in registers. The IR word of a handler is its address (loop mode: its id).
// Under ASan, preserve_none handlers need -fsanitize-address-use-after-return=never for this file (clang 19
// cannot realign the stack of the fake-frame allocas in that calling convention; see fuzz/CMakeLists.txt).
#include "interp/dispatch_body.h"

#if WISP_DISPATCH_TAILCALL

#if defined(__clang__) && __clang_major__ >= 19
#define WISP_HATTR __attribute__((preserve_none))
#else
#define WISP_HATTR
#endif

namespace wisp::interp {

namespace {
using HandlerFn = void(WISP_HATTR*)(const uint32_t*, char*, ExecState*, uint8_t*);

#define WISP_DISPATCH() [[clang::musttail]] return reinterpret_cast<HandlerFn>(load_word(ip))(ip, fp, st, mem)
#define WISP_HANDLER(name, kinds, ...)                                                          \
  WISP_HATTR void name([[maybe_unused]] const uint32_t* ip, [[maybe_unused]] char* fp,        \
                       [[maybe_unused]] ExecState* st, [[maybe_unused]] uint8_t* mem)         \
      WISP_BODY(kinds, __VA_ARGS__)
#include "interp/handlers.def"
#undef WISP_HANDLER

const HandlerFn kHandlerFns[] = {
#define WISP_HANDLER(name, kinds, ...) &name,
#include "interp/handlers.def"
#undef WISP_HANDLER
};
static_assert(sizeof(kHandlerFns) / sizeof(kHandlerFns[0]) == kNumHandlers);
}  // namespace

uint64_t tailcall_handler_word(HandlerId id) { return reinterpret_cast<uint64_t>(kHandlerFns[size_t(id)]); }

void run_tailcall(const uint32_t* ip, char* fp, ExecState* st) {
  reinterpret_cast<HandlerFn>(load_word(ip))(ip, fp, st, mem_base_of(st));
}

}  // namespace wisp::interp

#endif  // WISP_DISPATCH_TAILCALL
