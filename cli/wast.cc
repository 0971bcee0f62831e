// `wisp wast FILE...`: runs spec test scripts through the public API and counts passed/failed commands.
// Every command is one assertion (modules and registers included); see kWastUsage.
#include <array>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "args.h"
#include "commands.h"
#include "dispatch_option.h"
#include "features_option.h"
#include "text/wast.h"
#include "text/wat.h"
#include "wast_match.h"
#include "wisp/wisp.h"

namespace wisp::cli {

namespace {

constexpr const char* kWastUsage =
    "usage: wisp wast [options] FILE...\n"
    "\n"
    "Runs WebAssembly spec test scripts (.wast) with the standard `spectest` host module. Each command\n"
    "(module, register, action, assert_*) counts as one assertion. Prints 'FILE: N passed, M failed' per\n"
    "file, then the totals; exits with 1 when anything failed. A command whose module does not parse fails\n"
    "alone (and so do the commands that use that module); the rest of the script runs.\n"
    "\n"
    "options:\n"
    "  -v, --verbose  print each failure as 'FILE:LINE: what (expected vs got)', and trap messages that\n"
    "                 differ from the expected text (a kind match still passes)\n"
    "  -vv            also print differing messages of malformed/invalid/unlinkable modules\n"
    "  --dispatch MODE  interpreter dispatch: tailcall, loop or auto (default: tailcall where the build\n"
    "                 has it, else loop)\n"
    "  --tier TIER    execution tier: interp, jit (compile every function with the baseline JIT first;\n"
    "                 the rest stays interpreted) or auto (default: hot functions and loops compiled)\n"
    "  --tier-stats   print what the JIT compiled, after the totals\n"
    "  -W NAME=y|n    enable or disable a post-2.0 Wasm feature (repeatable, or NAME=y,NAME=n);\n"
    "                 -W help lists them with their defaults\n"
    "  -h, --help     show this help\n";

const char* command_name(text::Command::Kind k) {
  using K = text::Command::Kind;
  switch (k) {
    case K::module: return "module";
    case K::register_: return "register";
    case K::action: return "action";
    case K::assert_return: return "assert_return";
    case K::assert_trap: return "assert_trap";
    case K::assert_exhaustion: return "assert_exhaustion";
    case K::assert_malformed: return "assert_malformed";
    case K::assert_invalid: return "assert_invalid";
    case K::assert_unlinkable: return "assert_unlinkable";
    case K::assert_uninstantiable: return "assert_uninstantiable";
    case K::module_instance: return "module instance";
    case K::assert_exception: return "assert_exception";
    case K::assert_malformed_custom: return "assert_malformed_custom";
    case K::assert_invalid_custom: return "assert_invalid_custom";
    case K::bad: return "command";
  }
  return "command";
}

std::optional<Val> to_val(const text::WastValue& v, Store& store) {
  using WK = text::WastValue::Kind;
  uint32_t b32;
  uint64_t b64;
  std::memcpy(&b32, v.bytes, 4);
  std::memcpy(&b64, v.bytes, 8);
  switch (v.kind) {
    case WK::i32: return Val::i32(int32_t(b32));
    case WK::i64: return Val::i64(int64_t(b64));
    case WK::f32: return Val::f32_bits(b32);
    case WK::f64: return Val::f64_bits(b64);
    case WK::v128: {
      std::array<uint8_t, 16> a;
      std::memcpy(a.data(), v.bytes, 16);
      return Val::v128(a);
    }
    case WK::ref_null:
      if (v.ref_type.is_externref()) return Val::null(ValKind::externref);
      if (v.ref_type.is_funcref()) return Val::null(ValKind::funcref);
      switch (wasm::HeapKind(v.ref_type.heap())) {
        case wasm::HeapKind::noextern: return Val::null(ValKind::externref);
        case wasm::HeapKind::nofunc: return Val::null(ValKind::funcref);
        case wasm::HeapKind::exn:
        case wasm::HeapKind::noexn: return Val::null(ValKind::exnref);
        default: return Val::null(ValKind::anyref);
      }
    case WK::ref_extern: return Val::externref(uint64_t(b32));
    case WK::ref_host: {
      Result<Val> any = store.extern_to_any(Val::externref(uint64_t(b32)));
      if (!any.ok()) return std::nullopt;
      return *any;
    }
    default: return std::nullopt;  // not expressible as an argument (yet)
  }
}

GotValue to_got(const Val& v) {
  using GK = GotValue::Kind;
  switch (v.kind()) {
    case ValKind::i32: return GotValue::bits32(GK::i32, uint32_t(v.as_i32()));
    case ValKind::i64: return GotValue::bits64(GK::i64, uint64_t(v.as_i64()));
    case ValKind::f32: return GotValue::bits32(GK::f32, v.f32_bits());
    case ValKind::f64: return GotValue::bits64(GK::f64, v.f64_bits());
    case ValKind::v128: {
      GotValue g;
      g.kind = GK::v128;
      auto a = v.as_v128();
      std::memcpy(g.bytes, a.data(), 16);
      return g;
    }
    case ValKind::funcref: return GotValue::ref(GK::funcref, v.is_null());
    case ValKind::externref: return GotValue::ref(GK::externref, v.is_null(), v.as_externref().value_or(0));
    case ValKind::exnref: return GotValue::ref(GK::exnref, v.is_null());
    case ValKind::anyref:
    case ValKind::eqref:
    case ValKind::i31ref:
    case ValKind::structref:
    case ValKind::arrayref: {
      GotValue g = GotValue::ref(GK::anyref, v.is_null(), v.as_any_host().value_or(0));
      g.any = v.any_kind();
      return g;
    }
  }
  return GotValue{};
}

std::string describe(const Error& e) { return e.to_string(); }

// Runs the commands of one script in a fresh store; counts and reports.
class ScriptRunner {
 public:
  ScriptRunner(Engine& engine, std::string file, int verbosity)
      : engine_(engine), store_(engine), linker_(engine), file_(std::move(file)), verbosity_(verbosity) {
    linker_.allow_shadowing(true);
    define_spectest();
  }

  void run(const text::Script& script) {
    for (const text::Command& cmd : script.commands) {
      line_ = cmd.line;
      try {
        run_command(cmd);
      } catch (const std::exception& ex) {
        fail(std::string(command_name(cmd.kind)) + ": internal error: " + ex.what());
      } catch (...) {
        fail(std::string(command_name(cmd.kind)) + ": internal error");
      }
    }
  }

  uint32_t passed() const { return passed_; }
  uint32_t failed() const { return failed_; }

 private:
  void pass() { ++passed_; }
  void fail(const std::string& what) {
    ++failed_;
    if (verbosity_ >= 1) std::printf("%s:%u: %s\n", file_.c_str(), line_, what.c_str());
  }
  void note(int level, const std::string& what) {
    if (verbosity_ >= level) std::printf("%s:%u: note: %s\n", file_.c_str(), line_, what.c_str());
  }

  // The spectest module of the reference interpreter: print functions that print nothing here, and the
  // globals, table and memory the scripts import.
  void define_spectest() {
    auto def = [&](const char* name, Extern e) {
      Result<void> r = linker_.define("spectest", name, e);
      if (!r.ok()) std::fprintf(stderr, "wisp: warning: spectest.%s: %s\n", name, describe(r.error()).c_str());
    };
    def("print", Func::wrap(store_, [] {}));
    def("print_i32", Func::wrap(store_, [](int32_t) {}));
    def("print_i64", Func::wrap(store_, [](int64_t) {}));
    def("print_f32", Func::wrap(store_, [](float) {}));
    def("print_f64", Func::wrap(store_, [](double) {}));
    def("print_i32_f32", Func::wrap(store_, [](int32_t, float) {}));
    def("print_f64_f64", Func::wrap(store_, [](double, double) {}));
    auto global = [&](const char* name, ValKind kind, Val v) {
      auto g = Global::create(store_, GlobalType{kind, Mutability::constant}, v);
      if (g.ok()) def(name, g.value());
      else std::fprintf(stderr, "wisp: warning: spectest.%s: %s\n", name, describe(g.error()).c_str());
    };
    global("global_i32", ValKind::i32, Val::i32(666));
    global("global_i64", ValKind::i64, Val::i64(666));
    global("global_f32", ValKind::f32, Val::f32(666.6f));
    global("global_f64", ValKind::f64, Val::f64(666.6));
    auto table = Table::create(store_, TableType{ValType::funcref(), Limits{10, 20}}, Val::null(ValKind::funcref));
    if (table.ok()) def("table", table.value());
    auto table64 =
        Table::create(store_, TableType{ValType::funcref(), Limits{10, 20}, true}, Val::null(ValKind::funcref));
    if (table64.ok()) def("table64", table64.value());
    auto memory = Memory::create(store_, MemoryType{Limits{1, 2}});
    if (memory.ok()) def("memory", memory.value());
  }

  // Binary bytes of a script module: binary modules as given, quoted text through wat_to_wasm.
  Result<std::vector<uint8_t>> module_bytes(const text::ModuleSource& src) {
    if (src.kind == text::ModuleSource::Kind::binary) return src.bytes;
    return text::wat_to_wasm(src.quote, text::kScriptDialect);
  }

  Result<Module> compile(const text::ModuleSource& src) {
    auto bytes = module_bytes(src);
    if (!bytes.ok()) return bytes.error();
    return Module::compile(engine_, bytes.value());
  }

  Result<Instance> compile_and_instantiate(const text::ModuleSource& src) {
    auto module = compile(src);
    if (!module.ok()) return module.error();
    return linker_.instantiate(store_, module.value());
  }

  // The instance a command refers to: "$name" or, when empty, the last module instantiated.
  std::optional<Instance> find_instance(const std::string& name, std::string& why) {
    if (name.empty()) {
      if (!current_) why = have_module_ ? current_why_ : "no module defined";
      return current_;
    }
    auto it = named_.find(name);
    if (it == named_.end()) {
      why = "unknown module " + name;
      return std::nullopt;
    }
    if (!it->second.instance) why = "module " + name + " " + it->second.why;
    return it->second.instance;
  }

  // A failed module: the commands using it fail with `why`.
  void module_failed(const std::string& name, const std::string& why) {
    have_module_ = true;
    current_.reset();
    current_why_ = "the last module " + why;
    if (!name.empty()) named_[name] = Named{std::nullopt, why};
  }
  // Records the definition of a `(module ...)` command; a failed one (no module) fails its instance too.
  void define(const text::Command& cmd, std::optional<Module> module, const std::string& why) {
    Definition d{std::move(module), why};
    if (!cmd.module_name.empty()) definitions_[cmd.module_name] = d;
    last_definition_ = d;
    if (!d.module && !cmd.definition) module_failed(cmd.module_name, why);
  }
  void module_ready(const std::string& name, const Instance& inst) {
    have_module_ = true;
    current_ = inst;
    if (!name.empty()) named_[name] = Named{inst, ""};
  }

  // Why a command's text module failed to parse.
  static std::string parse_failure(const text::Command& cmd) {
    return "failed to parse: " + cmd.parse_error;
  }

  // Runs an invoke or get; Usage errors describe problems of the script (unknown module or export).
  Result<std::vector<Val>> perform(const text::Action& action) {
    std::string why;
    auto inst = find_instance(action.module, why);
    if (!inst) return Error::usage(why);
    if (action.kind == text::Action::Kind::get) {
      auto ext = inst->get_export(store_, action.field);
      if (!ext || ext->kind() != ExternKind::global)
        return Error::usage("no exported global \"" + action.field + "\"");
      Result<Val> v = ext->global()->get(store_);
      if (!v.ok()) return std::move(v.error());
      return std::vector<Val>{*v};
    }
    auto func = inst->get_func(store_, action.field);
    if (!func) return Error::usage("no exported function \"" + action.field + "\"");
    std::vector<Val> args;
    for (const text::WastValue& a : action.args) {
      auto v = to_val(a, store_);
      if (!v) return Error::usage("unsupported argument " + to_string(a));
      args.push_back(*v);
    }
    return func->call(store_, args);
  }

  // Text front-end errors start with "LINE:COL: "; the spec's expected texts do not.
  static std::string_view without_location(std::string_view m) {
    size_t i = 0;
    for (int part = 0; part < 2; ++part) {
      size_t start = i;
      while (i < m.size() && m[i] >= '0' && m[i] <= '9') ++i;
      if (i == start || i >= m.size() || m[i] != ':') return m;
      ++i;
    }
    if (i < m.size() && m[i] == ' ') ++i;
    return m.substr(i);
  }

  // Checks an error against the expected kind; a message that does not start with the expected text
  // still passes (wording differs between implementations) but is noted at `note_level`.
  void expect_error(const Error& e, ErrorKind want, const std::string& text, const char* what, int note_level) {
    if (e.kind != want) {
      fail(std::string(what) + " (expected " + error_kind_name(want) + " \"" + text + "\", got " + describe(e) + ")");
      return;
    }
    pass();
    if (without_location(e.message).substr(0, text.size()) != text)
      note(note_level, std::string(what) + ": message differs (expected \"" + text + "\", got \"" + e.message + "\")");
  }

  void run_command(const text::Command& cmd) {
    using K = text::Command::Kind;
    switch (cmd.kind) {
      case K::module: {
        const char* what = cmd.definition ? "module definition" : "module";
        if (!cmd.parse_error.empty()) {
          define(cmd, std::nullopt, "failed to parse");
          return fail(std::string(what) + " " + parse_failure(cmd));
        }
        auto module = compile(cmd.module);
        if (!module.ok()) {
          define(cmd, std::nullopt, "failed to compile");
          return fail(std::string(what) + " failed: " + describe(module.error()));
        }
        // `(module $M ...)` is both a definition and an instance of it; `(module definition ...)` only the first.
        define(cmd, module.value(), "");
        if (cmd.definition) return pass();
        auto inst = linker_.instantiate(store_, module.value());
        if (!inst.ok()) {
          module_failed(cmd.module_name, "failed to instantiate");
          return fail("module failed: " + describe(inst.error()));
        }
        module_ready(cmd.module_name, inst.value());
        return pass();
      }
      case K::module_instance: {
        const Definition* def = &last_definition_;
        std::string why = "the last module definition";
        if (!cmd.definition_name.empty()) {
          auto it = definitions_.find(cmd.definition_name);
          if (it == definitions_.end()) {
            module_failed(cmd.module_name, "failed to instantiate");
            return fail("module instance: unknown module " + cmd.definition_name);
          }
          def = &it->second;
          why = "module " + cmd.definition_name;
        }
        if (!def->module) {
          module_failed(cmd.module_name, "failed to instantiate");
          return fail("module instance: " + why + " " + (def->why.empty() ? "is not defined" : def->why));
        }
        auto inst = linker_.instantiate(store_, *def->module);
        if (!inst.ok()) {
          module_failed(cmd.module_name, "failed to instantiate");
          return fail("module instance failed: " + describe(inst.error()));
        }
        module_ready(cmd.module_name, inst.value());
        return pass();
      }
      case K::bad: return fail("command failed to parse: " + cmd.parse_error);
      case K::register_: {
        std::string why;
        auto inst = find_instance(cmd.module_name, why);
        if (!inst) return fail("register \"" + cmd.register_as + "\": " + why);
        Result<void> r = linker_.define_instance(store_, cmd.register_as, *inst);
        if (!r.ok()) return fail("register \"" + cmd.register_as + "\": " + describe(r.error()));
        return pass();
      }
      case K::action: {
        auto r = perform(cmd.action);
        if (!r.ok()) return fail(action_text(cmd.action) + ": " + describe(r.error()));
        return pass();
      }
      case K::assert_return: return assert_return(cmd);
      case K::assert_exception: {
        auto r = perform(cmd.action);
        if (r.ok()) return fail(action_text(cmd.action) + ": returned " + results_text(r.value()) + " (expected an exception)");
        return expect_error(r.error(), ErrorKind::Exception, "", action_text(cmd.action).c_str(), 1);
      }
      case K::assert_trap:
      case K::assert_exhaustion: {
        ErrorKind want = cmd.kind == K::assert_trap ? ErrorKind::Trap : ErrorKind::Exhaustion;
        const char* what = command_name(cmd.kind);
        if (!cmd.parse_error.empty()) return fail(std::string(what) + ": module " + parse_failure(cmd));
        if (cmd.has_module) {
          auto inst = compile_and_instantiate(cmd.module);
          if (inst.ok()) return fail(std::string(what) + ": module instantiated (expected trap \"" + cmd.text + "\")");
          return expect_error(inst.error(), want, cmd.text, what, 1);
        }
        auto r = perform(cmd.action);
        if (r.ok()) return fail(action_text(cmd.action) + ": returned " + results_text(r.value()) + " (expected " +
                                error_kind_name(want) + " \"" + cmd.text + "\")");
        return expect_error(r.error(), want, cmd.text, (action_text(cmd.action)).c_str(), 1);
      }
      case K::assert_malformed:
      case K::assert_invalid:
      case K::assert_malformed_custom:
      case K::assert_invalid_custom: {
        // The _custom forms: the error is in a custom annotation or section (reported by the text front end).
        ErrorKind want = cmd.kind == K::assert_malformed || cmd.kind == K::assert_malformed_custom ? ErrorKind::Malformed
                                                                                                  : ErrorKind::Invalid;
        auto module = compile(cmd.module);
        if (module.ok())
          return fail(std::string(command_name(cmd.kind)) + ": module compiled (expected " + error_kind_name(want) +
                      " \"" + cmd.text + "\")");
        return expect_error(module.error(), want, cmd.text, command_name(cmd.kind), 2);
      }
      case K::assert_unlinkable:
      case K::assert_uninstantiable: {
        ErrorKind want = cmd.kind == K::assert_unlinkable ? ErrorKind::Unlinkable : ErrorKind::Trap;
        if (!cmd.parse_error.empty()) return fail(std::string(command_name(cmd.kind)) + ": module " + parse_failure(cmd));
        auto module = compile(cmd.module);
        if (!module.ok())
          return fail(std::string(command_name(cmd.kind)) + ": module failed to compile: " + describe(module.error()));
        auto inst = linker_.instantiate(store_, module.value());
        if (inst.ok())
          return fail(std::string(command_name(cmd.kind)) + ": module instantiated (expected " + error_kind_name(want) +
                      " \"" + cmd.text + "\")");
        return expect_error(inst.error(), want, cmd.text, command_name(cmd.kind), 2);
      }
    }
    fail("unknown command");
  }

  void assert_return(const text::Command& cmd) {
    auto r = perform(cmd.action);
    std::string what = action_text(cmd.action);
    if (!r.ok()) return fail(what + ": " + describe(r.error()) + " (expected " + expected_text(cmd.expected) + ")");
    const std::vector<Val>& got = r.value();
    bool ok = got.size() == cmd.expected.size();
    for (size_t i = 0; ok && i < got.size(); ++i) ok = value_matches(cmd.expected[i], to_got(got[i]));
    if (!ok) return fail(what + ": expected " + expected_text(cmd.expected) + " vs got " + results_text(got));
    pass();
  }

  static std::string action_text(const text::Action& a) {
    std::string s = a.kind == text::Action::Kind::get ? "get " : "invoke ";
    if (!a.module.empty()) s += a.module + " ";
    s += "\"" + a.field + "\"";
    if (a.kind == text::Action::Kind::invoke) {
      s += "(";
      for (size_t i = 0; i < a.args.size(); ++i) s += (i ? ", " : "") + to_string(a.args[i]);
      s += ")";
    }
    return s;
  }
  static std::string expected_text(const std::vector<text::WastValue>& vs) {
    std::string s = "[";
    for (size_t i = 0; i < vs.size(); ++i) s += (i ? ", " : "") + to_string(vs[i]);
    return s + "]";
  }
  static std::string results_text(const std::vector<Val>& vs) {
    std::string s = "[";
    for (size_t i = 0; i < vs.size(); ++i) s += (i ? ", " : "") + to_string(to_got(vs[i]));
    return s + "]";
  }

  Engine& engine_;
  Store store_;
  Linker linker_;
  std::string file_;
  int verbosity_;
  uint32_t line_ = 0;
  uint32_t passed_ = 0;
  uint32_t failed_ = 0;
  bool have_module_ = false;
  std::optional<Instance> current_;
  std::string current_why_;  // why current_ is empty after a module failed
  struct Named {
    std::optional<Instance> instance;
    std::string why;  // when empty: "failed to parse", "failed to instantiate", ...
  };
  std::map<std::string, Named> named_;
  struct Definition {
    std::optional<Module> module;
    std::string why;  // why there is no module
  };
  std::map<std::string, Definition> definitions_;  // by "$name"
  Definition last_definition_{std::nullopt, "is not defined"};
};

}  // namespace

int wast_command(int argc, char** argv) {
  int verbosity = 0;
  std::vector<std::string> files;
  bool options_done = false;
  Config config;
  bool help = false;
  bool tier_stats = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (!options_done && is_help_flag(a)) {
      std::fputs(kWastUsage, stdout);
      return 0;
    }
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && (a == "-v" || a == "--verbose")) {
      ++verbosity;
    } else if (!options_done && a == "-vv") {
      verbosity += 2;
    } else if (std::string derr; !options_done && parse_dispatch_option(argc, argv, i, config.dispatch, derr)) {
      if (!derr.empty()) return error(kExitUsage, "wast: %s", derr.c_str());
    } else if (std::string terr; !options_done && parse_tier_option(argc, argv, i, config.tier, terr)) {
      if (!terr.empty()) return error(kExitUsage, "wast: %s", terr.c_str());
    } else if (std::string terr; !options_done &&
               parse_tier_up_threshold_option(argc, argv, i, config.tier_up_threshold, terr)) {
      if (!terr.empty()) return error(kExitUsage, "wast: %s", terr.c_str());
    } else if (!options_done && a == "--tier-stats") {
      tier_stats = true;
    } else if (std::string ferr; !options_done && parse_features_option(argc, argv, i, config.features, ferr, help)) {
      if (!ferr.empty()) return error(kExitUsage, "wast: %s", ferr.c_str());
      if (help) {
        std::fputs(feature_list().c_str(), stdout);
        return 0;
      }
    } else if (!options_done && a.size() > 1 && a[0] == '-') {
      return error(kExitUsage, "wast: unknown option '%s' (see 'wisp wast --help')", a.c_str());
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return error(kExitUsage, "wast: no input files (see 'wisp wast --help')");

  Engine engine(config);
  uint64_t total_passed = 0, total_failed = 0;
  for (const std::string& path : files) {
    uint32_t passed = 0, failed = 0;
    std::string err;
    auto data = read_file(path, err);
    if (!data) {
      std::printf("%s: error: %s\n", path.c_str(), err.c_str());
      failed = 1;
    } else {
      try {
        std::string_view source(reinterpret_cast<const char*>(data->data()), data->size());
        auto script = text::parse_wast(source);
        if (!script.ok()) {
          std::printf("%s: error: %s\n", path.c_str(), script.error().to_string().c_str());
          failed = 1;
        } else {
          ScriptRunner runner(engine, path, verbosity);
          runner.run(script.value());
          passed = runner.passed();
          failed = runner.failed();
        }
      } catch (const std::exception& ex) {
        std::printf("%s: error: internal error: %s\n", path.c_str(), ex.what());
        failed += 1;
      }
    }
    std::printf("%s: %u passed, %u failed\n", path.c_str(), passed, failed);
    std::fflush(stdout);
    total_passed += passed;
    total_failed += failed;
  }
  std::printf("%llu passed, %llu failed\n", static_cast<unsigned long long>(total_passed),
              static_cast<unsigned long long>(total_failed));
  if (tier_stats) {
    TierStats t = engine.tier_stats();
    std::printf("jit: %llu functions compiled, %llu interpreted (%llu over the code limit); IR instructions: "
                "%llu compiled, %llu left to the interpreter; %llu bytes of code memory\n",
                static_cast<unsigned long long>(t.compiled), static_cast<unsigned long long>(t.not_compiled),
                static_cast<unsigned long long>(t.over_limit), static_cast<unsigned long long>(t.native_instrs),
                static_cast<unsigned long long>(t.exit_instrs), static_cast<unsigned long long>(t.code_bytes));
  }
  return total_failed ? kExitFailure : 0;
}

}  // namespace wisp::cli
