#include "text/lexer.h"

#include <vector>

namespace wisp::text {

Error Sexp::error(std::string_view what) const {
  return Error::malformed(std::to_string(line) + ":" + std::to_string(col) + ": " + std::string(what));
}

namespace {

bool is_idchar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 'A' && c <= 'Z') return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '/': case ':': case '<': case '=': case '>': case '?': case '@': case '\\': case '^': case '_':
    case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

int hex_val(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  Result<std::vector<Sexp>> run() {
    std::vector<Sexp> top;
    for (;;) {
      WISP_TRY(skip_space());
      if (pos_ >= src_.size()) break;
      WISP_TRY(auto e, parse_one());
      if (e.kind == Sexp::Kind::list && e.items.empty() && e.begin == SIZE_MAX) continue;  // annotation
      top.push_back(std::move(e));
    }
    return top;
  }

 private:
  Error err(std::string_view what) const { return err_at(line_, col(), what); }
  Error err_at(uint32_t line, uint32_t c, std::string_view what) const {
    return Error::malformed(std::to_string(line) + ":" + std::to_string(c) + ": " + std::string(what));
  }
  uint32_t col() const { return uint32_t(pos_ - line_start_ + 1); }

  void advance() {
    if (src_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }

  Result<void> skip_space() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == ';' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';') {
        while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') advance();
      } else if (c == '(' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';') {
        uint32_t l = line_, cc = col();
        advance();
        advance();
        int depth = 1;
        while (depth > 0) {
          if (pos_ >= src_.size()) return err_at(l, cc, "unclosed block comment");
          if (src_[pos_] == '(' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';') {
            advance();
            advance();
            ++depth;
          } else if (src_[pos_] == ';' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ')') {
            advance();
            advance();
            --depth;
          } else {
            advance();
          }
        }
      } else {
        break;
      }
    }
    return {};
  }

  // Parses one element at pos_ (not whitespace). An annotation returns an empty list with begin == SIZE_MAX.
  // Lists use an explicit stack so that deep nesting costs heap, not native stack.
  Result<Sexp> parse_one() {
    if (src_[pos_] != '(') return parse_token();
    struct Open {
      Sexp list;
      bool annotation;
    };
    std::vector<Open> stack;
    auto open = [&] {
      Open o;
      o.list.kind = Sexp::Kind::list;
      o.list.line = line_;
      o.list.col = col();
      o.list.begin = pos_;
      o.annotation = pos_ + 1 < src_.size() && src_[pos_ + 1] == '@';
      advance();
      stack.push_back(std::move(o));
    };
    open();
    for (;;) {
      WISP_TRY(skip_space());
      if (pos_ >= src_.size()) return err_at(stack.back().list.line, stack.back().list.col, "unclosed parenthesis");
      char c = src_[pos_];
      if (c == ')') {
        advance();
        Open done = std::move(stack.back());
        stack.pop_back();
        done.list.end = pos_;
        if (done.annotation) {
          done.list.items.clear();
          done.list.begin = SIZE_MAX;
        }
        if (stack.empty()) return std::move(done.list);
        if (!done.annotation) stack.back().list.items.push_back(std::move(done.list));
        continue;
      }
      if (c == '(') {
        // Bounded because the encoder walks folded instructions recursively.
        if (stack.size() >= kMaxDepth) return err("nesting too deep");
        open();
        continue;
      }
      WISP_TRY(auto t, parse_token());
      stack.back().list.items.push_back(std::move(t));
    }
  }

  // A string or atom at pos_.
  Result<Sexp> parse_token() {
    Sexp s;
    s.line = line_;
    s.col = col();
    s.begin = pos_;
    char c = src_[pos_];
    if (c == ')') return err("unexpected )");
    if (c == '"') {
      s.kind = Sexp::Kind::string;
      advance();
      for (;;) {
        if (pos_ >= src_.size()) return err_at(s.line, s.col, "unclosed string");
        unsigned char ch = static_cast<unsigned char>(src_[pos_]);
        if (ch == '"') {
          advance();
          break;
        }
        if (ch == '\n' || ch < 0x20 || ch == 0x7f) return err("illegal character in string");
        if (ch != '\\') {
          s.text.push_back(char(ch));
          advance();
          continue;
        }
        advance();
        if (pos_ >= src_.size()) return err_at(s.line, s.col, "unclosed string");
        char e = src_[pos_];
        switch (e) {
          case 'n': s.text.push_back('\n'); advance(); break;
          case 't': s.text.push_back('\t'); advance(); break;
          case 'r': s.text.push_back('\r'); advance(); break;
          case '\\': s.text.push_back('\\'); advance(); break;
          case '\'': s.text.push_back('\''); advance(); break;
          case '"': s.text.push_back('"'); advance(); break;
          case 'u': {
            advance();
            if (pos_ >= src_.size() || src_[pos_] != '{') return err("illegal escape");
            advance();
            uint32_t cp = 0;
            int digits = 0;
            bool last_us = true;
            while (pos_ < src_.size() && src_[pos_] != '}') {
              char d = src_[pos_];
              if (d == '_' && !last_us) {
                last_us = true;
                advance();
                continue;
              }
              int v = hex_val(d);
              if (v < 0) return err("illegal escape");
              cp = cp * 16 + uint32_t(v);
              if (cp > 0x10FFFF) return err("illegal escape");
              ++digits;
              last_us = false;
              advance();
            }
            if (pos_ >= src_.size() || digits == 0 || last_us) return err("illegal escape");
            advance();
            if (cp >= 0xD800 && cp < 0xE000) return err("illegal escape");
            append_utf8(s.text, cp);
            break;
          }
          default: {
            if (pos_ + 1 >= src_.size()) return err("illegal escape");
            int h = hex_val(src_[pos_]), l = hex_val(src_[pos_ + 1]);
            if (h < 0 || l < 0) return err("illegal escape");
            s.text.push_back(char(h * 16 + l));
            advance();
            advance();
          }
        }
      }
      s.end = pos_;
      if (pos_ < src_.size() && (is_idchar(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '"'))
        return err("unknown operator");
      return s;
    }
    // Atom: a run of idchars (reserved characters make it malformed).
    while (pos_ < src_.size()) {
      unsigned char ch = static_cast<unsigned char>(src_[pos_]);
      if (ch == '(' || ch == ')' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == ';') break;
      if (ch == '"') return err("unknown operator");
      if (!is_idchar(ch)) return err("unknown operator");
      s.text.push_back(char(ch));
      advance();
    }
    if (s.text.empty()) return err("unexpected character");
    s.end = pos_;
    return s;
  }

  std::string_view src_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  uint32_t line_ = 1;
  static constexpr size_t kMaxDepth = 2000;
};

}  // namespace

Result<std::vector<Sexp>> parse_sexps(std::string_view source) { return Lexer(source).run(); }

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    if (cp >= 0xD800 && cp < 0xE000) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace wisp::text
