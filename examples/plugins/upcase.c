// upcase: a filter plugin. Copies stdin to stdout with ASCII letters upper-cased. With arguments, the
// arguments themselves (joined by spaces) are the input instead of stdin.
#include <ctype.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc > 1) {
    for (int i = 1; i < argc; i++) {
      if (i > 1) putchar(' ');
      for (const char* p = argv[i]; *p; p++) putchar(toupper((unsigned char)*p));
    }
    putchar('\n');
    return 0;
  }
  int c;
  while ((c = getchar()) != EOF) putchar(toupper(c));
  return 0;
}
