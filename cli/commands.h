// The CLI subcommands, one file each. Each takes the arguments after the command name and returns the
// process exit status.
#pragma once

namespace wisp::cli {

int run_command(int argc, char** argv);       // cli/run.cc
int wast_command(int argc, char** argv);      // cli/wast.cc
int validate_command(int argc, char** argv);  // cli/validate.cc
int inspect_command(int argc, char** argv);   // cli/inspect.cc
int print_command(int argc, char** argv);     // cli/print.cc
int strip_command(int argc, char** argv);     // cli/strip.cc
int size_command(int argc, char** argv);      // cli/size.cc

}  // namespace wisp::cli
