// PluginHost: loading a plugin folder and running plugins as WASI commands in fresh, limited stores.
#include "plugin_host.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "wisp/wasi.h"

namespace plugin_host {

namespace {

wisp::Config engine_config(const HostOptions& o) {
  wisp::Config c;
  c.explicit_bounds_checks = o.explicit_bounds_checks;
  c.consume_fuel = o.enable_fuel || o.fuel > 0;
  c.interruptible = true;  // interrupt() and the timeout need it
  return c;
}

wisp::Result<std::vector<uint8_t>> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return wisp::Error::io("cannot open " + path);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return wisp::Error::io("cannot read " + path);
  return bytes;
}

}  // namespace

PluginHost::PluginHost(HostOptions options)
    : options_(options), engine_(engine_config(options)), linker_(engine_) {
  linker_ready_ = wisp::add_wasi_to_linker(linker_).ok();  // fails only on a duplicate definition
}

PluginHost::~PluginHost() = default;

wisp::Result<wisp::Module> PluginHost::compile_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return std::move(bytes.error());
  return wisp::Module::compile(engine_, *bytes);
}

wisp::Result<void> PluginHost::load_file(const std::string& path, const std::string& name) {
  auto module = compile_file(path);
  if (!module.ok()) return std::move(module.error());
  plugins_.insert_or_assign(name, std::move(*module));
  return {};
}

wisp::Result<std::vector<std::string>> PluginHost::load_directory(const std::string& dir,
                                                                  std::vector<LoadFailure>* failures) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".wasm" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return wisp::Error::io("cannot read plugin directory " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  // The registered set becomes exactly the folder's loadable plugins: one deleted or broken since the
  // last load is no longer callable.
  std::map<std::string, wisp::Module, std::less<>> plugins;
  std::vector<std::string> loaded;
  for (const fs::path& f : files) {
    std::string name = f.stem().string();
    auto module = compile_file(f.string());
    if (!module.ok()) {
      if (failures) failures->push_back({f.string(), std::move(module.error())});
      continue;
    }
    plugins.insert_or_assign(name, std::move(*module));
    loaded.push_back(std::move(name));
  }
  plugins_ = std::move(plugins);
  return loaded;
}

std::vector<std::string> PluginHost::names() const {
  std::vector<std::string> out;
  for (const auto& [name, module] : plugins_) out.push_back(name);
  return out;
}

bool PluginHost::has(std::string_view name) const { return plugins_.find(name) != plugins_.end(); }

void PluginHost::interrupt() {
  std::lock_guard<std::mutex> lock(mu_);
  pending_interrupt_ = true;
  if (running_) running_->interrupt();
}

void PluginHost::clear_interrupt() {
  std::lock_guard<std::mutex> lock(mu_);
  pending_interrupt_ = false;
}

wisp::Result<CallOutput> PluginHost::call(std::string_view name, const std::vector<std::string>& args,
                                          std::string_view input, CallOutput* partial) {
  auto it = plugins_.find(name);
  if (it == plugins_.end()) return wisp::Error::usage("unknown plugin: " + std::string(name));
  const wisp::Module& module = it->second;

  CallOutput out;
  wisp::WasiConfig wasi_config;
  wasi_config.arg(std::string(name));
  for (const std::string& a : args) wasi_config.arg(a);
  wasi_config.stdin_stream = wisp::WasiStdio::from_bytes(std::string(input));
  wasi_config.stdout_stream = wisp::WasiStdio::capture(&out.out);
  wasi_config.stderr_stream = wisp::WasiStdio::capture(&out.err);
  if (!linker_ready_) return wisp::Error::usage("the WASI functions could not be defined");

  // A fresh store per call, with its own WASI state: no state leaks from one call (or one failed call)
  // to the next. The linker is shared.
  wisp::Store store(engine_);
  auto wasi = wisp::Wasi::attach(store, wasi_config);
  if (!wasi.ok()) return std::move(wasi.error());
  wisp::StoreLimits limits;
  limits.max_memory_pages = std::max<uint64_t>(1, options_.max_memory_bytes / 65536);
  limits.max_call_depth = options_.max_call_depth;
  store.set_limits(limits);
  if (options_.fuel > 0 || engine_.config().consume_fuel) {
    uint64_t fuel = options_.fuel > 0 ? options_.fuel : UINT64_MAX;  // metered engine, unlimited call
    if (auto r = store.set_fuel(fuel); !r.ok()) return std::move(r.error());
  }

  auto instance = linker_.instantiate(store, module);
  if (!instance.ok()) return std::move(instance.error());
  auto start = instance->get_func(store, "_start");
  if (!start) return wisp::Error::usage("plugin " + std::string(name) + " has no _start export");

  // Arm the timeout as the store's deadline (the runtime's timer service stops the call: no watchdog
  // thread here), and publish the store's interrupt handle for interrupt().
  if (options_.timeout.count() > 0) {
    if (auto d = store.set_timeout(options_.timeout); !d.ok()) return std::move(d.error());
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    running_ = store.interrupt_handle();
    if (pending_interrupt_) running_->interrupt();
  }

  auto r = start->call(store, {});

  {
    std::lock_guard<std::mutex> lock(mu_);
    running_.reset();
    pending_interrupt_ = false;
  }
  bool timed_out = !r.ok() && r.error().kind == wisp::ErrorKind::Trap && r.error().message == "deadline exceeded";

  if (std::optional<int> code = (*wasi)->exit_code()) {
    out.exit_code = *code;
    return out;
  }
  if (!r.ok()) {
    if (partial) *partial = std::move(out);
    wisp::Error e = std::move(r.error());
    if (timed_out)
      e.message = "timed out after " + std::to_string(options_.timeout.count()) + " ms (" + e.message + ")";
    return e;
  }
  return out;
}

std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) i++;
    if (i >= line.size()) break;
    std::string w;
    bool quoted = false;
    for (; i < line.size(); i++) {
      char c = line[i];
      if (quoted) {
        if (c == '"') {
          quoted = false;
        } else if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) {
          w += line[++i];
        } else {
          w += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ' ' || c == '\t') {
        break;
      } else {
        w += c;
      }
    }
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace plugin_host
