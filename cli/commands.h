// The CLI subcommands, one file each. Each takes the arguments after the command name and returns the
// process exit status.
#pragma once

namespace wisp::cli {

int run_command(int argc, char** argv);       // cli/run.cc
int wast_command(int argc, char** argv);      // cli/wast.cc
int validate_command(int argc, char** argv);  // cli/validate.cc

}  // namespace wisp::cli
