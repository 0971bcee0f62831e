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
  // Starts at `begin` of `src` (on line `line`, which starts at `line_start`) and stops at its end.
  Lexer(std::string_view src, size_t begin, uint32_t line, size_t line_start)
      : src_(src), pos_(begin), line_start_(line_start), line_(line) {}

  Result<Sexp> run() {
    Sexp root;
    root.kind = Sexp::Kind::list;
    root.line = 1;
    root.col = 1;
    for (;;) {
      WISP_TRY(skip_space());
      if (pos_ >= src_.size()) break;
      WISP_TRY(parse_one(root));
    }
    root.end = src_.size();
    return root;
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

  bool at_line_comment() const { return src_[pos_] == ';' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';'; }
  bool at_block_comment() const { return src_[pos_] == '(' && pos_ + 1 < src_.size() && src_[pos_ + 1] == ';'; }
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  Result<void> skip_space() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (is_space(c)) {
        advance();
      } else if (at_line_comment()) {
        while (pos_ < src_.size() && src_[pos_] != '\n' && src_[pos_] != '\r') advance();
      } else if (at_block_comment()) {
        uint32_t l = line_, cc = col();
        advance();
        advance();
        int depth = 1;
        while (depth > 0) {
          if (pos_ >= src_.size()) return err_at(l, cc, "unclosed block comment");
          if (at_block_comment()) {
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

  // Why a character that cannot start or continue a token is wrong: control characters and non-ASCII
  // text outside strings are illegal; bytes that are not UTF-8 at all are malformed.
  Error bad_char() const {
    unsigned char ch = static_cast<unsigned char>(src_[pos_]);
    if (ch >= 0x80) {
      size_t n = (ch & 0xE0) == 0xC0 ? 2 : (ch & 0xF0) == 0xE0 ? 3 : (ch & 0xF8) == 0xF0 ? 4 : 1;
      if (!is_valid_utf8(src_.substr(pos_, n)) || pos_ + n > src_.size()) return err("malformed UTF-8 encoding");
      return err("illegal character");
    }
    if (ch < 0x20 || ch == 0x7f) return err("illegal character");
    return err("unknown operator");
  }

  // Parses one element at pos_ (not whitespace) into `parent` (its items, or its annotations for an
  // annotation). Lists use an explicit stack so that deep nesting costs heap, not native stack. Inside an
  // annotation any token is allowed (reserved ones become atoms) and nested `(@...)` are plain lists.
  Result<void> parse_one(Sexp& parent) {
    if (src_[pos_] != '(') {
      WISP_TRY(auto t, parse_token(false));
      parent.items.push_back(std::move(t));
      return {};
    }
    struct Open {
      Sexp list;
      bool annotation;  // this list is an annotation `(@id ...)`
      bool in_annotation;  // inside an annotation (this one or an enclosing one)
    };
    std::vector<Open> stack;
    auto open = [&]() -> Result<void> {
      Open o;
      o.list.kind = Sexp::Kind::list;
      o.list.line = line_;
      o.list.col = col();
      o.list.begin = pos_;
      bool inside = !stack.empty() && stack.back().in_annotation;
      o.annotation = !inside && pos_ + 1 < src_.size() && src_[pos_ + 1] == '@';
      o.in_annotation = inside || o.annotation;
      advance();
      if (o.annotation) {
        advance();  // '@'
        WISP_TRY(auto id, annotation_id());
        o.list.items.push_back(std::move(id));
      }
      stack.push_back(std::move(o));
      return {};
    };
    WISP_TRY(open());
    for (;;) {
      WISP_TRY(skip_space());
      if (pos_ >= src_.size()) {
        const Open& top = stack.back();
        return err_at(top.list.line, top.list.col, top.in_annotation ? "unclosed annotation" : "unclosed parenthesis");
      }
      char c = src_[pos_];
      if (c == ')') {
        advance();
        Open done = std::move(stack.back());
        stack.pop_back();
        done.list.end = pos_;
        Sexp& into = stack.empty() ? parent : stack.back().list;
        if (done.annotation) into.annotations.push_back(std::move(done.list));
        else into.items.push_back(std::move(done.list));
        if (stack.empty()) return {};
        continue;
      }
      if (c == '(') {
        // Bounded because the encoder walks folded instructions recursively.
        if (stack.size() >= kMaxDepth) return err("nesting too deep");
        WISP_TRY(open());
        continue;
      }
      WISP_TRY(auto t, parse_token(stack.back().in_annotation));
      stack.back().list.items.push_back(std::move(t));
    }
  }

  // The id of an annotation after "(@": idchars or a non-empty UTF-8 string, as the atom "@id".
  Result<Sexp> annotation_id() {
    Sexp id;
    id.line = line_;
    id.col = col();
    id.begin = pos_;
    std::string name;
    if (pos_ < src_.size() && src_[pos_] == '"') {
      if (!string_body(name).ok() || name.empty()) return err_at(id.line, id.col, "empty annotation id");
      if (!is_valid_utf8(name)) return err_at(id.line, id.col, "malformed UTF-8 encoding");
    } else {
      while (pos_ < src_.size() && is_idchar(static_cast<unsigned char>(src_[pos_]))) {
        name.push_back(src_[pos_]);
        advance();
      }
      if (name.empty()) return err_at(id.line, id.col, "empty annotation id");
    }
    if (pos_ < src_.size() && !is_space(src_[pos_]) && src_[pos_] != '(' && src_[pos_] != ')' && !at_line_comment())
      return err("unknown operator");
    id.text = "@" + name;
    id.end = pos_;
    return id;
  }

  // A string at pos_ (the opening quote): appends its decoded bytes to `out`.
  Result<void> string_body(std::string& out) {
    uint32_t line = line_, c0 = col();
    advance();
    for (;;) {
      if (pos_ >= src_.size()) return err_at(line, c0, "unclosed string");
      unsigned char ch = static_cast<unsigned char>(src_[pos_]);
      if (ch == '"') {
        advance();
        return {};
      }
      if (ch == '\n' || ch < 0x20 || ch == 0x7f) return err("illegal character in string");
      if (ch != '\\') {
        out.push_back(char(ch));
        advance();
        continue;
      }
      advance();
      if (pos_ >= src_.size()) return err_at(line, c0, "unclosed string");
      char e = src_[pos_];
      switch (e) {
        case 'n': out.push_back('\n'); advance(); break;
        case 't': out.push_back('\t'); advance(); break;
        case 'r': out.push_back('\r'); advance(); break;
        case '\\': out.push_back('\\'); advance(); break;
        case '\'': out.push_back('\''); advance(); break;
        case '"': out.push_back('"'); advance(); break;
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
          append_utf8(out, cp);
          break;
        }
        default: {
          if (pos_ + 1 >= src_.size()) return err("illegal escape");
          int h = hex_val(src_[pos_]), l = hex_val(src_[pos_ + 1]);
          if (h < 0 || l < 0) return err("illegal escape");
          out.push_back(char(h * 16 + l));
          advance();
          advance();
        }
      }
    }
  }

  bool at_delimiter() const {
    if (pos_ >= src_.size()) return true;
    char c = src_[pos_];
    return is_space(c) || c == '(' || c == ')' || at_line_comment();
  }

  // A string or atom at pos_. In an annotation, a reserved token (any run of idchars, strings and the
  // characters , ; [ ] { }) is an atom of its raw text; a lone string stays a string.
  Result<Sexp> parse_token(bool in_annotation) {
    Sexp s;
    s.line = line_;
    s.col = col();
    s.begin = pos_;
    char c = src_[pos_];
    if (c == ')') return err("unexpected token )");
    if (c == '"') {
      s.kind = Sexp::Kind::string;
      WISP_TRY(string_body(s.text));
      s.end = pos_;
      if (at_delimiter()) return s;
      if (!in_annotation) return err("unknown operator");
      s.kind = Sexp::Kind::atom;
    }
    if (c == '$' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '"' && !in_annotation) {
      // Quoted identifier: the same identifier as the unquoted one with the same characters.
      advance();
      std::string name;
      if (!string_body(name).ok() || name.empty()) return err_at(s.line, s.col, "empty identifier");
      if (!is_valid_utf8(name)) return err_at(s.line, s.col, "malformed UTF-8 encoding");
      if (!at_delimiter()) return err("unknown operator");
      s.text = "$" + name;
      s.end = pos_;
      return s;
    }
    while (!at_delimiter()) {
      unsigned char ch = static_cast<unsigned char>(src_[pos_]);
      if (in_annotation) {
        if (ch == '"') {
          std::string ignored;
          WISP_TRY(string_body(ignored));
          continue;
        }
        if (is_idchar(ch) || ch == ',' || ch == ';' || ch == '[' || ch == ']' || ch == '{' || ch == '}') {
          s.text.push_back(char(ch));
          advance();
          continue;
        }
        return bad_char();
      }
      if (ch == '"' || !is_idchar(ch)) return bad_char();
      s.text.push_back(char(ch));
      advance();
    }
    if (in_annotation) s.text = std::string(src_.substr(s.begin, pos_ - s.begin));
    if (s.text.empty()) return err("unexpected character");
    if (s.text == "$" && !in_annotation) return err_at(s.line, s.col, "empty identifier");
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

Result<Sexp> parse_root(std::string_view source) { return Lexer(source).run(); }

Result<std::vector<Sexp>> parse_sexps(std::string_view source) {
  WISP_TRY(auto root, parse_root(source));
  return std::move(root.items);
}

Result<std::vector<Sexp>> parse_sexps_range(std::string_view source, const SourceRange& r) {
  WISP_TRY(auto root, Lexer(source.substr(0, r.end), r.begin, r.line, r.line_start).run());
  return std::move(root.items);
}

std::vector<SourceRange> split_top_level(std::string_view src) {
  std::vector<SourceRange> out;
  size_t i = 0, n = src.size();
  uint32_t line = 1;
  size_t line_start = 0, counted = 0;
  auto add = [&](size_t begin, size_t end) {  // lines are counted up to `begin` once, in order
    for (; counted < begin; ++counted)
      if (src[counted] == '\n') ++line, line_start = counted + 1;
    out.push_back(SourceRange{begin, std::min(end, n), line, line_start});
  };
  auto skip_string = [&] {  // at '"': to after the closing quote (or the end)
    for (++i; i < n && src[i] != '"'; ++i)
      if (src[i] == '\\') ++i;
    if (i < n) ++i;
  };
  auto skip_block_comment = [&] {  // at "(;"
    int depth = 0;
    while (i < n) {
      if (src[i] == '(' && i + 1 < n && src[i + 1] == ';') ++depth, i += 2;
      else if (src[i] == ';' && i + 1 < n && src[i + 1] == ')') { i += 2; if (--depth == 0) return; }
      else ++i;
    }
  };
  while (i < n) {
    char c = src[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
    if (c == ';' && i + 1 < n && src[i + 1] == ';') { while (i < n && src[i] != '\n') ++i; continue; }
    if (c == '(' && i + 1 < n && src[i + 1] == ';') { skip_block_comment(); continue; }
    size_t begin = i;
    if (c != '(') {  // a stray token: up to the next blank or parenthesis
      while (i < n && src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r' && src[i] != '(' &&
             (src[i] != ')' || i == begin))
        ++i;
      add(begin, i);
      continue;
    }
    int depth = 0;
    while (i < n) {
      char d = src[i];
      if (d == '"') { skip_string(); continue; }
      if (d == ';' && i + 1 < n && src[i + 1] == ';') { while (i < n && src[i] != '\n') ++i; continue; }
      if (d == '(' && i + 1 < n && src[i + 1] == ';') { skip_block_comment(); continue; }
      ++i;
      if (d == '(') ++depth;
      else if (d == ')' && --depth == 0) break;
    }
    add(begin, i);
  }
  return out;
}

std::vector<const Sexp*> annotations_before(const Sexp& list, size_t i) {
  std::vector<const Sexp*> out;
  size_t lo = i == 0 ? 0 : list.items[i - 1].end;
  size_t hi = i < list.items.size() ? list.items[i].begin : SIZE_MAX;
  for (const Sexp& a : list.annotations)
    if (a.begin >= lo && a.begin < hi) out.push_back(&a);
  return out;
}

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
