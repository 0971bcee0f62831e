// The handlers of handlers.def compiled into loop mode (DESIGN.md §2): one function with computed goto,
// always compiled in (GCC, sanitizer builds, and the second mode of clang release builds). The tail-call
// mode is dispatch_tailcall.cc; both share dispatch_body.h. The mode is chosen per engine
// (runtime::EngineConfig::dispatch): the IR of a module holds the handler words of one mode only.
#include "interp/dispatch_body.h"

namespace wisp::interp {

namespace {

void run_loop(const uint32_t* ip, char* fp, ExecState* st) {
  uint8_t* mem = mem_base_of(st);
  static const void* const kLabels[] = {
#define WISP_HANDLER(name, kinds, ...) &&L_##name,
#include "interp/handlers.def"
#undef WISP_HANDLER
  };
#define WISP_DISPATCH() goto* kLabels[load_word(ip)]
  WISP_DISPATCH();
#define WISP_HANDLER(name, kinds, ...) L_##name : WISP_BODY(kinds, __VA_ARGS__)
#include "interp/handlers.def"
#undef WISP_HANDLER
#undef WISP_DISPATCH
}

}  // namespace

uint64_t handler_word(HandlerId id, runtime::DispatchMode mode) {
  if constexpr (runtime::kTailcallCompiledIn) {
    if (mode == runtime::DispatchMode::tailcall) return tailcall_handler_word(id);
  }
  return uint64_t(id);
}

void run(runtime::DispatchMode mode, const uint32_t* ip, char* fp, ExecState* st) {
  if constexpr (runtime::kTailcallCompiledIn) {
    if (mode == runtime::DispatchMode::tailcall) return run_tailcall(ip, fp, st);
  }
  run_loop(ip, fp, st);
}

}  // namespace wisp::interp
