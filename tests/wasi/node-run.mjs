// Runs a WASI module under Node's node:wasi with wisp-run-like options, as the reference for tests/wasi:
//   node --no-warnings node-run.mjs [--dir HOST[::GUEST]]... [--env NAME=VALUE]... FILE.wasm [ARGS...]
// stdio is inherited; the exit code is the guest's; a trap prints its message and exits 134.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import process from 'node:process';

const argv = process.argv.slice(2);
const preopens = {};
const env = {};
let i = 0;
for (; i < argv.length && argv[i].startsWith('--'); ++i) {
  const opt = argv[i];
  const val = argv[++i];
  if (opt === '--dir') {
    const sep = val.indexOf('::');
    const host = sep < 0 ? val : val.slice(0, sep);
    const guest = sep < 0 ? val : val.slice(sep + 2);
    preopens[guest] = host;
  } else if (opt === '--env') {
    const eq = val.indexOf('=');
    if (eq < 0) env[val] = process.env[val] ?? '';
    else env[val.slice(0, eq)] = val.slice(eq + 1);
  } else {
    console.error(`node-run: unknown option ${opt}`);
    process.exit(2);
  }
}
const file = argv[i];
const args = argv.slice(i);
const module = new WebAssembly.Module(readFileSync(file));
const version = WebAssembly.Module.imports(module).some((imp) => imp.module === 'wasi_unstable')
  ? 'unstable' : 'preview1';
const wasi = new WASI({ version, args, env, preopens, returnOnExit: true });
const instance = new WebAssembly.Instance(module, wasi.getImportObject());
let code;
try {
  code = wasi.start(instance);
} catch (e) {
  console.error(`Error: ${e.message}`);
  process.exit(134);
}
process.exitCode = code;
