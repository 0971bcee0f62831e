// A small Lisp REPL: reads expressions from stdin and prints their values. Build for WASI and run:
//   clang-19 --target=wasm32-wasi -O2 lisp.c -o lisp.wasm && wisp run lisp.wasm
// Integers, symbols, lists; quote, if, cond, and, or, let, lambda, defun, define, progn; arithmetic,
// comparisons and list primitives. Errors print a message and the REPL goes on.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum { NIL, INT, SYM, CONS, PRIM, FUNC } Tag;
typedef struct Obj Obj;
typedef Obj* (*PrimFn)(Obj* args);
struct Obj {
  Tag tag;
  union {
    long long num;
    const char* sym;
    struct { Obj* car; Obj* cdr; };
    PrimFn prim;
    struct { Obj* params; Obj* body; Obj* env; };
  };
};

static Obj nil_obj = {NIL, {0}};
static Obj* const nil = &nil_obj;
static Obj* symbols;  // interned symbols (a list)
static Obj* global;   // global environment: a list of (symbol . value) pairs
static Obj *s_t, *s_quote, *s_if, *s_cond, *s_and, *s_or, *s_let, *s_lambda, *s_defun, *s_define, *s_progn;
static int failed;  // set by error(): evaluation unwinds returning nil (wasi-libc has no setjmp)

static Obj* alloc(Tag t) {  // no collector: a REPL session is short-lived
  Obj* o = calloc(1, sizeof(Obj));
  if (!o) { fputs("out of memory\n", stderr); exit(1); }
  o->tag = t;
  return o;
}
static Obj* error(const char* msg, const char* detail) {
  if (!failed) printf("error: %s%s%s\n", msg, detail ? ": " : "", detail ? detail : "");
  failed = 1;
  return nil;
}
static Obj* num(long long n) { Obj* o = alloc(INT); o->num = n; return o; }
static Obj* cons(Obj* a, Obj* d) { Obj* o = alloc(CONS); o->car = a; o->cdr = d; return o; }
static Obj* intern(const char* name) {
  for (Obj* p = symbols; p != nil; p = p->cdr)
    if (!strcmp(p->car->sym, name)) return p->car;
  Obj* s = alloc(SYM);
  s->sym = strdup(name);
  symbols = cons(s, symbols);
  return s;
}
static Obj* car(Obj* o) { return o->tag == CONS ? o->car : error("not a list", NULL); }
static Obj* cdr(Obj* o) { return o->tag == CONS ? o->cdr : error("not a list", NULL); }

// ---- Reader ----
static int peek_c = -2;
static int next_char(void) {
  if (peek_c != -2) { int c = peek_c; peek_c = -2; return c; }
  return getchar();
}
static int peek_char(void) { if (peek_c == -2) peek_c = getchar(); return peek_c; }
static int skip_space(void) {
  for (;;) {
    int c = peek_char();
    if (c == ';') { while (c != '\n' && c != EOF) c = next_char(); continue; }
    if (c == EOF || !isspace(c)) return c;
    next_char();
  }
}
static Obj* read_expr(void);
static Obj* read_list(void) {
  int c = skip_space();
  if (c == EOF) return error("unexpected end of input", NULL);
  if (c == ')') { next_char(); return nil; }
  if (c == '.') {
    next_char();
    Obj* tail = read_expr();
    if (skip_space() != ')') return error("expected ) after dotted tail", NULL);
    next_char();
    return tail;
  }
  Obj* head = read_expr();
  if (!head || failed) return error("unexpected end of input", NULL);
  return cons(head, read_list());
}
static Obj* read_expr(void) {
  int c = skip_space();
  if (c == EOF) return NULL;
  next_char();
  if (c == '(') return read_list();
  if (c == ')') return error("unexpected )", NULL);
  if (c == '\'') {
    Obj* e = read_expr();
    if (!e) return error("unexpected end of input", NULL);
    return cons(s_quote, cons(e, nil));
  }
  char buf[128];
  int n = 0;
  buf[n++] = (char)c;
  while ((c = peek_char()) != EOF && !isspace(c) && c != '(' && c != ')' && c != '\'' && c != ';')
    if (n < 127) buf[n++] = (char)tolower(next_char()); else next_char();
  buf[n] = 0;
  buf[0] = (char)tolower((unsigned char)buf[0]);
  char* end;
  long long v = strtoll(buf, &end, 10);
  if (*end == 0 && (isdigit((unsigned char)buf[0]) || (buf[1] && (buf[0] == '-' || buf[0] == '+')))) return num(v);
  if (!strcmp(buf, "nil")) return nil;
  return intern(buf);
}

// ---- Printer ----
static void print(Obj* o) {
  switch (o->tag) {
    case NIL: printf("nil"); break;
    case INT: printf("%lld", o->num); break;
    case SYM: printf("%s", o->sym); break;
    case PRIM: printf("#<primitive>"); break;
    case FUNC: printf("#<lambda>"); break;
    case CONS:
      putchar('(');
      for (;;) {
        print(o->car);
        o = o->cdr;
        if (o == nil) break;
        if (o->tag != CONS) { printf(" . "); print(o); break; }
        putchar(' ');
      }
      putchar(')');
  }
}

// ---- Evaluator ----
static Obj* lookup(Obj* env, Obj* sym) {
  for (Obj* e = env; e != nil; e = e->cdr)
    if (e->car->car == sym) return e->car;
  for (Obj* e = global; e != nil; e = e->cdr)
    if (e->car->car == sym) return e->car;
  return NULL;
}
static void define(Obj* sym, Obj* val) {
  Obj* b = lookup(nil, sym);
  if (b) b->cdr = val; else global = cons(cons(sym, val), global);
}
static Obj* eval(Obj* o, Obj* env);
static Obj* progn(Obj* body, Obj* env) {
  Obj* r = nil;
  for (; body != nil && !failed; body = cdr(body)) r = eval(car(body), env);
  return r;
}
static Obj* eval_list(Obj* l, Obj* env) {
  if (l == nil || failed) return nil;
  Obj* head = eval(car(l), env);
  return cons(head, eval_list(cdr(l), env));
}
static Obj* apply(Obj* fn, Obj* args) {
  if (failed) return nil;
  if (fn->tag == PRIM) return fn->prim(args);
  if (fn->tag != FUNC) return error("not a function", NULL);
  Obj* env = fn->env;
  Obj* p = fn->params;
  for (; p != nil && p->tag == CONS; p = p->cdr, args = args->cdr) {
    if (args == nil) return error("too few arguments", NULL);
    env = cons(cons(p->car, args->car), env);
  }
  if (p != nil) env = cons(cons(p, args), env);  // (a . rest)
  else if (args != nil) return error("too many arguments", NULL);
  return progn(fn->body, env);
}
static int depth;
static Obj* eval(Obj* o, Obj* env) {
  if (failed) return nil;
  if (o->tag == SYM) {
    if (o == s_t) return o;
    Obj* b = lookup(env, o);
    if (!b) return error("unbound symbol", o->sym);
    return b->cdr;
  }
  if (o->tag != CONS) return o;
  if (depth >= 10000) return error("recursion too deep", NULL);
  ++depth;
  Obj* op = o->car;
  Obj* args = o->cdr;
  Obj* r;
  if (op == s_quote) r = car(args);
  else if (op == s_if) r = eval(car(args), env) != nil ? eval(car(cdr(args)), env) : progn(cdr(cdr(args)), env);
  else if (op == s_cond) {
    r = nil;
    for (; args != nil && !failed; args = cdr(args)) {
      Obj* clause = car(args);
      Obj* test = eval(car(clause), env);
      if (test != nil) { r = cdr(clause) == nil ? test : progn(cdr(clause), env); break; }
    }
  } else if (op == s_and) {
    r = s_t;
    for (; args != nil && r != nil; args = cdr(args)) r = eval(car(args), env);
  } else if (op == s_or) {
    r = nil;
    for (; args != nil && r == nil; args = cdr(args)) r = eval(car(args), env);
  } else if (op == s_let) {
    Obj* e = env;
    for (Obj* b = car(args); b != nil; b = cdr(b)) e = cons(cons(car(car(b)), eval(car(cdr(car(b))), env)), e);
    r = progn(cdr(args), e);
  } else if (op == s_lambda) {
    r = alloc(FUNC);
    r->params = car(args);
    r->body = cdr(args);
    r->env = env;
  } else if (op == s_defun) {
    Obj* f = alloc(FUNC);
    f->params = car(cdr(args));
    f->body = cdr(cdr(args));
    f->env = nil;
    define(car(args), f);
    r = car(args);
  } else if (op == s_define) {
    define(car(args), eval(car(cdr(args)), env));
    r = car(args);
  } else if (op == s_progn) r = progn(args, env);
  else r = apply(eval(op, env), eval_list(args, env));
  --depth;
  return r;
}

// ---- Primitives ----
static long long int_arg(Obj* o) {
  if (o->tag == INT) return o->num;
  error("not a number", NULL);
  return 0;
}
static Obj* p_add(Obj* a) { long long s = 0; for (; a != nil; a = a->cdr) s += int_arg(a->car); return num(s); }
static Obj* p_mul(Obj* a) { long long s = 1; for (; a != nil; a = a->cdr) s *= int_arg(a->car); return num(s); }
static Obj* p_sub(Obj* a) {
  long long s = int_arg(car(a));
  if (a->cdr == nil) return num(-s);
  for (a = a->cdr; a != nil; a = a->cdr) s -= int_arg(a->car);
  return num(s);
}
static Obj* p_div(Obj* a) {
  long long s = int_arg(car(a));
  for (a = a->cdr; a != nil; a = a->cdr) {
    long long d = int_arg(a->car);
    if (d == 0) return error("division by zero", NULL);
    s /= d;
  }
  return num(s);
}
static Obj* p_mod(Obj* a) {
  long long d = int_arg(car(cdr(a)));
  if (d == 0) return error("division by zero", NULL);
  return num(int_arg(car(a)) % d);
}
static Obj* truth(int b) { return b ? s_t : nil; }
static Obj* p_lt(Obj* a) { return truth(int_arg(car(a)) < int_arg(car(cdr(a)))); }
static Obj* p_gt(Obj* a) { return truth(int_arg(car(a)) > int_arg(car(cdr(a)))); }
static Obj* p_le(Obj* a) { return truth(int_arg(car(a)) <= int_arg(car(cdr(a)))); }
static Obj* p_ge(Obj* a) { return truth(int_arg(car(a)) >= int_arg(car(cdr(a)))); }
static Obj* p_numeq(Obj* a) { return truth(int_arg(car(a)) == int_arg(car(cdr(a)))); }
static Obj* p_eq(Obj* a) {
  Obj *x = car(a), *y = car(cdr(a));
  return truth(x == y || (x->tag == INT && y->tag == INT && x->num == y->num));
}
static Obj* p_car(Obj* a) { Obj* l = car(a); return l == nil ? nil : car(l); }
static Obj* p_cdr(Obj* a) { Obj* l = car(a); return l == nil ? nil : cdr(l); }
static Obj* p_cons(Obj* a) { return cons(car(a), car(cdr(a))); }
static Obj* p_list(Obj* a) { return a; }
static Obj* p_null(Obj* a) { return truth(car(a) == nil); }
static Obj* p_atom(Obj* a) { return truth(car(a)->tag != CONS); }
static Obj* p_print(Obj* a) { print(car(a)); putchar('\n'); return car(a); }

static void def_prim(const char* name, PrimFn f) {
  Obj* p = alloc(PRIM);
  p->prim = f;
  define(intern(name), p);
}

int main(void) {
  symbols = nil;
  global = nil;
  s_t = intern("t"); s_quote = intern("quote"); s_if = intern("if"); s_cond = intern("cond");
  s_and = intern("and"); s_or = intern("or"); s_let = intern("let"); s_lambda = intern("lambda");
  s_defun = intern("defun"); s_define = intern("define"); s_progn = intern("progn");
  def_prim("+", p_add); def_prim("-", p_sub); def_prim("*", p_mul); def_prim("/", p_div);
  def_prim("mod", p_mod); def_prim("<", p_lt); def_prim(">", p_gt); def_prim("<=", p_le);
  def_prim(">=", p_ge); def_prim("=", p_numeq); def_prim("eq", p_eq); def_prim("car", p_car);
  def_prim("cdr", p_cdr); def_prim("cons", p_cons); def_prim("list", p_list); def_prim("null", p_null);
  def_prim("atom", p_atom); def_prim("print", p_print);
  int interactive = isatty(0);
  for (;;) {
    if (interactive) { printf("> "); fflush(stdout); }
    failed = 0;
    depth = 0;
    Obj* e = read_expr();
    if (!e) break;
    Obj* v = failed ? nil : eval(e, nil);
    if (failed) {
      int c;  // drop the rest of the offending line
      while (peek_char() != '\n' && (c = next_char()) != EOF) {}
    } else {
      print(v);
      putchar('\n');
    }
    fflush(stdout);
  }
  return 0;
}
