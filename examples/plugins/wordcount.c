// wordcount: counts the lines, words and bytes of stdin like `wc`. Options: -l, -w, -c print only that
// count. An unknown option is an error: a message on stderr and exit status 2.
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  int only = 0;  // 0: all three, else 'l', 'w' or 'c'
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-l") == 0 || strcmp(argv[i], "-w") == 0 || strcmp(argv[i], "-c") == 0) {
      only = argv[i][1];
    } else {
      fprintf(stderr, "wordcount: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  long lines = 0, words = 0, bytes = 0;
  int in_word = 0, c;
  while ((c = getchar()) != EOF) {
    bytes++;
    if (c == '\n') lines++;
    if (isspace(c)) {
      in_word = 0;
    } else if (!in_word) {
      in_word = 1;
      words++;
    }
  }
  switch (only) {
    case 'l': printf("%ld\n", lines); break;
    case 'w': printf("%ld\n", words); break;
    case 'c': printf("%ld\n", bytes); break;
    default: printf("%ld %ld %ld\n", lines, words, bytes); break;
  }
  return 0;
}
