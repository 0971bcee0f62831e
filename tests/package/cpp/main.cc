// Compiles a .wat with the C++ API, runs an export, prints the result and the library's version.
#include <cstdio>

#include "wisp/text.h"
#include "wisp/wisp.h"

int main() {
  auto bytes = wisp::wat_to_wasm(R"((module (func (export "add") (param i32 i32) (result i32)
                                      (i32.add (local.get 0) (local.get 1)))))");
  if (!bytes.ok()) return 1;
  wisp::Engine engine;
  auto module = wisp::Module::compile(engine, *bytes);
  if (!module.ok()) return 2;
  wisp::Store store(engine);
  auto instance = wisp::Instance::create(store, *module, {});
  if (!instance.ok()) return 3;
  auto add = instance->get_func(store, "add");
  if (!add) return 4;
  auto typed = add->typed<int32_t(int32_t, int32_t)>(store);
  if (!typed.ok()) return 5;
  auto r = typed->call(store, 40, 2);
  if (!r.ok()) return 6;
  std::printf("add(40, 2) = %d with wisp %s\n", *r, WISP_VERSION_STRING);
  return 0;
}
