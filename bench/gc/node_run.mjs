// Runs an export of a GC benchmark under Node: node node_run.mjs FILE.wasm EXPORT ARGS...
// Integer arguments, the result printed like `wisp run --invoke` (decimal). Provides the one WASI
// import pause.wasm uses (clock_time_get, monotonic nanoseconds).
import { readFileSync } from "node:fs";

const [file, name, ...args] = process.argv.slice(2);
const module = await WebAssembly.compile(readFileSync(file));
let memory = null;
const imports = {
  wasi_snapshot_preview1: {
    clock_time_get(_id, _precision, ptr) {
      new DataView(memory.buffer).setBigUint64(ptr, process.hrtime.bigint(), true);
      return 0;
    },
  },
};
const instance = await WebAssembly.instantiate(module, imports);
memory = instance.exports.memory ?? null;
console.log(String(instance.exports[name](...args.map(Number))));
