// Command-line arguments and environment variables.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char** environ;

int main(int argc, char** argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; ++i) printf("argv[%d]=[%s]\n", i, argv[i]);
  const char* names[] = {"WISP_A", "WISP_B", "WISP_EMPTY", "WISP_MISSING"};
  for (int i = 0; i < 4; ++i) {
    const char* v = getenv(names[i]);
    printf("%s=%s\n", names[i], v ? v : "(unset)");
  }
  int n = 0;
  for (char** e = environ; *e; ++e)
    if (strncmp(*e, "WISP_", 5) == 0) ++n;
  printf("WISP_* count=%d\n", n);
  return 0;
}
