// The SIMD lane semantics the handlers call, as simd::impl::<opcode identifier>(...). The set is
// selected once here by the build target: SSE4.1/SSSE3 intrinsics on x86-64 (hot operators; the rest
// fall back to the portable set), GCC/Clang vector extensions elsewhere.
#pragma once

#include "interp/simd_portable.h"

#if defined(__x86_64__) && defined(__SSE4_1__) && defined(__SSSE3__)
#include "interp/simd_x86.h"
namespace wisp::interp::simd {
namespace impl = x86;
}
#else
namespace wisp::interp::simd {
namespace impl = portable;
}
#endif
