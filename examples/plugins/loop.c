// loop: a runaway plugin. Prints a line, then loops forever without calling the host, so only fuel, an
// interrupt or a deadline can stop it.
#include <stdio.h>

volatile unsigned long counter;

int main(void) {
  puts("spinning");
  fflush(stdout);
  for (;;) counter++;
}
