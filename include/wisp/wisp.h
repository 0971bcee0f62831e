// wisp public C++ embedding API (DESIGN.md §4): include this one header.
//
//   wisp::Engine engine;
//   wisp::Store store(engine);
//   auto module = wisp::Module::compile(engine, bytes);          // Result<Module>
//   wisp::Linker linker(engine);
//   linker.func_wrap("env", "add", [](int32_t a, int32_t b) { return a + b; });
//   auto instance = linker.instantiate(store, *module);          // Result<Instance>
//   auto run = instance->get_typed_func<int32_t(int32_t)>(store, "run");  // Result<TypedFunc<...>>
//   auto r = run->call(store, 41);                               // Result<int32_t>
// Check each Result before using it (`if (!run.ok()) ... run.error()`). WAT text: wisp/text.h; WASI
// commands: wisp/wasi.h (add_wasi_to_linker once, Wasi::attach per store, run_command).
#pragma once
#include "wisp/engine.h"
#include "wisp/error.h"
#include "wisp/exception.h"
#include "wisp/extern.h"
#include "wisp/features.h"
#include "wisp/func.h"
#include "wisp/global.h"
#include "wisp/instance.h"
#include "wisp/linker.h"
#include "wisp/memory.h"
#include "wisp/module.h"
#include "wisp/store.h"
#include "wisp/table.h"
#include "wisp/types.h"
#include "wisp/val.h"
#include "wisp/version.h"
