// Google Benchmark micro-benchmarks of wisp's fixed costs: decode+validate throughput, IR translation
// throughput, instantiation, the life of a WASI store, host->Wasm calls of a trivial export and
// Wasm->host calls.
// Modules are written in WAT and encoded once, outside the timed regions.
#include <benchmark/benchmark.h>

#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "interp/invoke.h"
#include "text/wat.h"
#include "wisp/wasi.h"
#include "wisp/wisp.h"

namespace {

using wisp::Engine;
using wisp::Instance;
using wisp::Module;
using wisp::Store;

std::vector<uint8_t> must_encode(const std::string& wat) {
  auto bytes = wisp::text::wat_to_wasm(wat);
  if (!bytes.ok()) {
    std::fprintf(stderr, "micro_bench: bad WAT: %s\n", bytes.error().to_string().c_str());
    std::abort();
  }
  return std::move(bytes.value());
}

template <class T>
T must(wisp::Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "micro_bench: %s: %s\n", what, r.error().to_string().c_str());
    std::abort();
  }
  return std::move(r.value());
}

// A large module of `n` exported functions whose bodies mix what compilers emit: locals, arithmetic,
// loads/stores with offsets, a loop with compare+branch, if/else, select, br_table and direct calls.
std::string large_module_wat(int n) {
  std::string s = "(module (memory 1) (global $g (mut i32) (i32.const 0))\n";
  s.reserve(static_cast<size_t>(n) * 700);
  for (int i = 0; i < n; i++) {
    std::string id = std::to_string(i);
    std::string callee = std::to_string(i > 0 ? i - 1 : 0);
    s += "(func $f" + id + " (export \"f" + id + "\") (param $a i32) (param $b i32) (result i32)"
         " (local $i i32) (local $acc i32) (local $x i64) (local $d f64)\n"
         "  (local.set $acc (i32.add (local.get $a) (i32.const " + id + ")))\n"
         "  (block $exit (loop $top\n"
         "    (br_if $exit (i32.ge_u (local.get $i) (local.get $b)))\n"
         "    (local.set $acc (i32.xor (i32.mul (local.get $acc) (i32.const 31))"
         " (i32.load offset=16 (i32.and (local.get $i) (i32.const 1020)))))\n"
         "    (i32.store offset=8 (i32.and (local.get $acc) (i32.const 1020)) (local.get $acc))\n"
         "    (local.set $x (i64.add (local.get $x) (i64.extend_i32_u (local.get $acc))))\n"
         "    (local.set $d (f64.add (local.get $d) (f64.convert_i32_s (local.get $i))))\n"
         "    (local.set $i (i32.add (local.get $i) (i32.const 1)))\n"
         "    (br $top)))\n"
         "  (if (i32.gt_s (local.get $acc) (i32.const 100))\n"
         "    (then (local.set $acc (i32.shr_u (local.get $acc) (i32.const 3))))\n"
         "    (else (local.set $acc (select (local.get $a) (local.get $b) (local.get $acc)))))\n"
         "  (block $b2 (block $b1 (block $b0\n"
         "    (br_table $b0 $b1 $b2 (i32.and (local.get $acc) (i32.const 3))))\n"
         "    (global.set $g (i32.add (global.get $g) (i32.const 1))))\n"
         "    (local.set $acc (i32.add (local.get $acc) (i32.wrap_i64 (local.get $x)))))\n"
         "  (if (i32.eqz (local.get $b)) (then (return (local.get $acc))))\n"
         "  (i32.add (local.get $acc)"
         " (call $f" + callee + " (local.get $acc) (i32.const 0))))\n";
  }
  s += ")\n";
  return s;
}

constexpr int kLargeFuncs = 20000;

const std::vector<uint8_t>& large_module() {
  static const std::vector<uint8_t> bytes = must_encode(large_module_wat(kLargeFuncs));
  return bytes;
}

// Decode + validate (no IR) of the large module; bytes/s is over the whole module, which is ~all code.
void BM_DecodeValidate(benchmark::State& state) {
  const auto& bytes = large_module();
  Engine engine;
  for (auto _ : state) {
    auto r = Module::validate(engine, bytes);
    if (!r.ok()) state.SkipWithError("validate failed");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
  state.counters["module_MB"] = static_cast<double>(bytes.size()) / 1e6;
}
BENCHMARK(BM_DecodeValidate)->Unit(benchmark::kMillisecond);

// Module::compile with lazy translation: decode + validate + the module objects (no IR yet).
void BM_Compile(benchmark::State& state) {
  const auto& bytes = large_module();
  Engine engine;
  for (auto _ : state) {
    auto m = Module::compile(engine, bytes);
    if (!m.ok()) state.SkipWithError("compile failed");
    benchmark::DoNotOptimize(m);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
}
BENCHMARK(BM_Compile)->Unit(benchmark::kMillisecond);

// IR translation (the builder re-decodes and re-checks each body while emitting IR) of every function
// of a freshly compiled module. Compilation and instantiation are outside the timed region.
void BM_TranslateIR(benchmark::State& state) {
  const auto& bytes = large_module();
  Engine engine;  // lazy translation: nothing is built before ensure_code
  for (auto _ : state) {
    state.PauseTiming();
    Module module = must(Module::compile(engine, bytes), "compile");
    Store store(engine);
    Instance inst = must(Instance::create(store, module, {}), "instantiate");
    std::vector<wisp::runtime::FuncInstance*> funcs;
    for (auto& [name, ext] : inst.exports(store)) {
      if (auto f = ext.func()) funcs.push_back(f->internal());
    }
    state.ResumeTiming();
    for (auto* f : funcs) {
      auto r = wisp::interp::ensure_code(store.data_internal(), f);
      if (!r.ok()) state.SkipWithError("translation failed");
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
  state.counters["funcs/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * kLargeFuncs,
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TranslateIR)->Unit(benchmark::kMillisecond);

// Module::compile under Config::tier jit: decode + validate, IR translation of every function and the
// JIT's compilation of all of them into one code mapping (what `wisp run --tier jit` does before running).
// The JIT's own share is this minus BM_Compile and BM_TranslateIR. A fresh engine per iteration, as code
// memory lives as long as its engine; making and dropping it is outside the timed region.
void BM_CompileJit(benchmark::State& state) {
  if (!wisp::Config::tier_supported(wisp::Config::Tier::jit)) {
    state.SkipWithError("this build has no JIT");
    return;
  }
  const auto& bytes = large_module();
  wisp::Config config;
  config.tier = wisp::Config::Tier::jit;
  uint64_t code_bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    {
      Engine engine(config);
      state.ResumeTiming();
      auto m = Module::compile(engine, bytes);
      if (!m.ok()) state.SkipWithError("compile failed");
      benchmark::DoNotOptimize(m);
      state.PauseTiming();
      wisp::TierStats stats = engine.tier_stats();
      if (stats.compiled != static_cast<uint64_t>(kLargeFuncs)) state.SkipWithError("not every function compiled");
      code_bytes = stats.code_bytes;
    }
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes.size()));
  state.counters["code_MB"] = static_cast<double>(code_bytes) / 1e6;
}
BENCHMARK(BM_CompileJit)->Unit(benchmark::kMillisecond);

// A module shaped like a small C program's: one memory with a 64 KiB data segment, a table with an
// element segment, globals and a handful of functions.
std::vector<uint8_t> small_program_module() {
  std::string s = "(module (memory (export \"memory\") 2) (table 16 funcref)\n"
                  "(global $sp (mut i32) (i32.const 65536)) (global (mut i64) (i64.const 0))\n";
  for (int i = 0; i < 16; i++) {
    s += "(func $f" + std::to_string(i) + " (param i32) (result i32) (i32.add (local.get 0) (i32.const " +
         std::to_string(i) + ")))\n";
  }
  s += "(elem (i32.const 0) func";
  for (int i = 0; i < 16; i++) s += " $f" + std::to_string(i);
  s += ")\n(data (i32.const 1024) \"";
  for (int i = 0; i < 65536; i++) s += "\\" + std::string(1, "0123456789abcdef"[(i >> 4) & 15]) + "0";
  s += "\"))\n";
  return must_encode(s);
}

void BM_Instantiate(benchmark::State& state) {
  static const std::vector<uint8_t> bytes = small_program_module();
  Engine engine;
  Module module = must(Module::compile(engine, bytes), "compile");
  for (auto _ : state) {
    Store store(engine);
    auto inst = Instance::create(store, module, {});
    if (!inst.ok()) state.SkipWithError("instantiate failed");
    benchmark::DoNotOptimize(inst);
  }
}
BENCHMARK(BM_Instantiate)->Unit(benchmark::kMicrosecond);

// A WASI command shaped like a small C program's "hello": memory (2 pages) with a data segment, a stack
// pointer global, a few WASI imports, a `_start` that writes one line.
constexpr const char* kWasiHelloWat = R"((module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 2)
  (global $sp (mut i32) (i32.const 65536))
  (table 4 funcref)
  (data (i32.const 1024) "hello, world\n")
  (func (export "_start")
    (drop (call $args_sizes_get (i32.const 2048) (i32.const 2052)))
    (drop (call $environ_sizes_get (i32.const 2048) (i32.const 2052)))
    (i32.store (i32.const 256) (i32.const 1024))
    (i32.store (i32.const 260) (i32.const 13))
    (drop (call $fd_write (i32.const 1) (i32.const 256) (i32.const 1) (i32.const 300))))
))";

// The life of one WASI job: a new Store with its WASI state, instantiation, `_start`, and the drop.
// Arg 0: the Linker made once (add_wasi_to_linker) and the state attached per store (Wasi::attach);
// arg 1: the older form, a Wasi and a Linker made per store (Wasi::add_to_linker). Counters: the
// CPU time (the thread's, system calls included) of setup (store + WASI + instantiate), run (`_start`)
// and drop (the store and what it owns): CPU time, not wall, so the split holds on a loaded machine.
double thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

void BM_WasiStoreCycle(benchmark::State& state) {
  const bool per_store_linker = state.range(0) != 0;
  Engine engine;
  Module module = must(Module::compile(engine, must_encode(kWasiHelloWat)), "compile");
  wisp::Linker shared(engine);
  if (!wisp::add_wasi_to_linker(shared).ok()) std::abort();
  double setup = 0, run = 0, drop = 0;
  for (auto _ : state) {
    std::string out;
    double t0 = thread_cpu_us();
    wisp::WasiConfig config;
    config.arg("hello");
    config.stdout_stream = wisp::WasiStdio::capture(&out);
    auto store = std::make_unique<Store>(engine);
    std::unique_ptr<wisp::Wasi> wasi;
    std::unique_ptr<wisp::Linker> own;
    if (per_store_linker) {
      wasi = must(wisp::Wasi::create(config), "wasi");
      own = std::make_unique<wisp::Linker>(engine);
      if (!wasi->add_to_linker(*own).ok()) std::abort();
    } else if (!wisp::Wasi::attach(*store, config).ok()) {
      std::abort();
    }
    auto inst = (own ? *own : shared).instantiate(*store, module);
    if (!inst.ok()) state.SkipWithError("instantiate failed");
    double t1 = thread_cpu_us();
    auto r = inst->get_func(*store, "_start")->call(*store, {});
    double t2 = thread_cpu_us();
    store.reset();
    own.reset();
    wasi.reset();
    double t3 = thread_cpu_us();
    if (!r.ok() || out.size() != 13) state.SkipWithError("run failed");
    setup += t1 - t0;
    run += t2 - t1;
    drop += t3 - t2;
  }
  double n = static_cast<double>(state.iterations());
  state.counters["setup_us"] = setup / n;
  state.counters["run_us"] = run / n;
  state.counters["drop_us"] = drop / n;
}
BENCHMARK(BM_WasiStoreCycle)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

constexpr const char* kCallWat = R"((module
  (import "host" "inc" (func $inc (param i32) (result i32)))
  (func (export "id") (param i32) (result i32) (local.get 0))
  (func (export "call_host") (param $n i32) (result i32) (local $acc i32)
    (block $done (loop $top
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (call $inc (local.get $acc)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $top)))
    (local.get $acc)))
)";

struct CallFixture {
  Engine engine;
  Store store{engine};
  Instance inst;
  CallFixture() {
    Module module = must(Module::compile(engine, must_encode(kCallWat)), "compile");
    wisp::Linker linker(engine);
    if (!linker.func_wrap("host", "inc", [](int32_t x) -> int32_t { return x + 1; }).ok()) std::abort();
    inst = must(linker.instantiate(store, module), "instantiate");
  }
};

// Host -> Wasm: a typed call of the identity export (no Val boxing).
void BM_HostToWasmTyped(benchmark::State& state) {
  CallFixture fx;
  auto id = must(fx.inst.get_func(fx.store, "id")->typed<int32_t(int32_t)>(fx.store), "typed");
  int32_t x = 0;
  for (auto _ : state) {
    auto r = id.call(fx.store, x);
    x = r.ok() ? r.value() + 1 : 0;
  }
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_HostToWasmTyped);

// Host -> Wasm through Func::call with Val spans (the dynamic path embedders and the C API use).
void BM_HostToWasmVal(benchmark::State& state) {
  CallFixture fx;
  wisp::Func id = *fx.inst.get_func(fx.store, "id");
  wisp::Val args[1] = {wisp::Val::i32(1)};
  wisp::Val results[1] = {wisp::Val::i32(0)};
  for (auto _ : state) {
    auto r = id.call(fx.store, args, results);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_HostToWasmVal);

// Wasm -> host: a guest loop calling an imported i32->i32 host function; reported per host call.
void BM_WasmToHost(benchmark::State& state) {
  CallFixture fx;
  auto f = must(fx.inst.get_func(fx.store, "call_host")->typed<int32_t(int32_t)>(fx.store), "typed");
  constexpr int32_t kCalls = 10000;
  for (auto _ : state) {
    auto r = f.call(fx.store, kCalls);
    if (!r.ok() || r.value() != kCalls) state.SkipWithError("wrong result");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kCalls);
  state.counters["ns/call"] = benchmark::Counter(static_cast<double>(state.iterations()) * kCalls,
                                                 benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_WasmToHost);

}  // namespace

BENCHMARK_MAIN();
