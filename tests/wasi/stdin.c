// Reads stdin to the end: line, word and byte counts, and the lines reversed in case.
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  char line[256];
  int lines = 0, words = 0, bytes = 0;
  while (fgets(line, sizeof line, stdin)) {
    ++lines;
    bytes += (int)strlen(line);
    int in_word = 0;
    for (char* p = line; *p; ++p) {
      if (isspace((unsigned char)*p)) in_word = 0;
      else if (!in_word) in_word = 1, ++words;
      *p = islower((unsigned char)*p) ? (char)toupper((unsigned char)*p) : (char)tolower((unsigned char)*p);
    }
    fputs(line, stdout);
  }
  printf("lines=%d words=%d bytes=%d eof=%d\n", lines, words, bytes, feof(stdin) ? 1 : 0);
  return 0;
}
