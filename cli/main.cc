// wisp command-line entry point: dispatches to one file per subcommand.
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    std::printf("usage: wisp <command> [options]\n");
    return argc < 2 ? 2 : 0;
  }
  std::fprintf(stderr, "wisp: unknown command '%s'\n", argv[1]);
  return 2;
}
