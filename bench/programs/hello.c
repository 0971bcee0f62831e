// Start-up: print one line and exit (measures process + module start-up, not execution).
#include <stdio.h>

int main(void) {
  puts("hello from wisp bench");
  return 0;
}
