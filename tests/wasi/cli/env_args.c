// Prints what `wisp run`'s WASI options hand over: argv (with argv[0]), selected variables, preopens.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv) {
  for (int i = 0; i < argc; ++i) printf("argv[%d]=%s\n", i, argv[i]);
  const char* names[] = {"WISP_ONE", "WISP_INHERITED", "WISP_OTHER"};
  for (int i = 0; i < 3; ++i) printf("%s=%s\n", names[i], getenv(names[i]) ? getenv(names[i]) : "(unset)");
  int fd = open("/data/file.txt", O_RDONLY);
  printf("open /data/file.txt: %s\n", fd >= 0 ? "ok" : "failed");
  return 0;
}
