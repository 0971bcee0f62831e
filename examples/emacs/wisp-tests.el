;;; wisp-tests.el --- ERT suite for the wisp Emacs module  -*- lexical-binding: t -*-

;;; Commentary:
;; Run: WISP_EMBED_PLUGINS=DIR emacs --batch -Q -L BUILD -L examples/emacs -l wisp-tests \
;;        -f ert-run-tests-batch-and-exit
;; DIR holds the plugins of examples/plugins compiled by tests/embed/build-plugins.sh.

;;; Code:

(require 'ert)
(require 'wisp)

(defvar wisp-tests-dir (or (getenv "WISP_EMBED_PLUGINS") (error "Set WISP_EMBED_PLUGINS")))

(defun wisp-tests-load ()
  (wisp-load-directory wisp-tests-dir))

(defmacro wisp-tests-should-survive (&rest body)
  "Run BODY, then check that an ordinary plugin call still works."
  `(progn ,@body
          (should (equal (wisp-call "upcase" nil "still alive") "STILL ALIVE"))))

(ert-deftest wisp-load-directory-registers-by-stem ()
  (should (equal (wisp-tests-load) '("loop" "oom" "recurse" "trap" "upcase" "wordcount")))
  (should (equal (wisp-plugins) '("loop" "oom" "recurse" "trap" "upcase" "wordcount"))))

(ert-deftest wisp-load-directory-missing ()
  (should-error (wisp-load-directory "/nonexistent/wisp-plugins") :type 'wisp-error))

(ert-deftest wisp-call-returns-stdout ()
  (wisp-tests-load)
  (should (equal (wisp-call "upcase" nil "hello, emacs\n") "HELLO, EMACS\n"))
  (should (equal (wisp-call "upcase" '("from" "args")) "FROM ARGS\n"))
  (should (equal (wisp-call "wordcount" nil "one two three\nfour five\n") "2 5 24\n"))
  (should (equal (wisp-call "wordcount" '("-l") "a\nb\nc\n") "3\n"))
  (should (equal (wisp-call "upcase" nil "") "")))

(ert-deftest wisp-call-multibyte-round-trip ()
  (wisp-tests-load)
  ;; The plugin only upper-cases ASCII; UTF-8 passes through unchanged.
  (should (equal (wisp-call "upcase" nil "grüße λ") "GRüßE λ")))

(ert-deftest wisp-call-filter-region ()
  (wisp-tests-load)
  (with-temp-buffer
    (insert "keep SHOUT keep")
    (wisp-filter-region "upcase" 6 11)
    (should (equal (buffer-string) "keep SHOUT keep"))
    (erase-buffer)
    (insert "abc def")
    (wisp-filter-region "upcase" 1 4)
    (should (equal (buffer-string) "ABC def"))))

(ert-deftest wisp-call-unknown-plugin ()
  (wisp-tests-load)
  (let ((err (should-error (wisp-call "nosuch" nil "") :type 'wisp-error)))
    (should (equal (cadr err) "unknown plugin: nosuch"))))

(ert-deftest wisp-call-bad-arguments ()
  (wisp-tests-load)
  (should-error (wisp-call 42 nil "") :type 'wrong-type-argument)
  (should-error (wisp-call "upcase" '(1 2) "") :type 'wrong-type-argument))

(ert-deftest wisp-call-exit-status ()
  (wisp-tests-load)
  (let ((err (should-error (wisp-call "wordcount" '("--bogus") "") :type 'wisp-exit)))
    (should (equal (nth 1 err) 2))
    (should (equal (nth 3 err) "wordcount: unknown option --bogus\n"))))

(ert-deftest wisp-trap-is-a-signal ()
  (wisp-tests-load)
  (wisp-tests-should-survive
   (let ((err (should-error (wisp-call "trap" nil "") :type 'wisp-trap)))
     (should (string-match-p "unreachable" (nth 1 err)))
     (should (equal (nth 2 err) "crashing with abort\n"))
     (should (consp (nth 3 err))))
   (let ((err (should-error (wisp-call "trap" '("div") "") :type 'wisp-trap)))
     (should (string-match-p "integer divide by zero" (nth 1 err))))))

(ert-deftest wisp-out-of-bounds-with-explicit-checks ()
  ;; Emacs owns SIGSEGV: the module uses explicit bounds checks, so this is a clean trap.
  (wisp-tests-load)
  (wisp-tests-should-survive
   (let ((err (should-error (wisp-call "trap" '("oob") "") :type 'wisp-trap)))
     (should (string-match-p "out of bounds memory access" (nth 1 err))))))

(ert-deftest wisp-endless-loop-fuel ()
  (wisp-tests-load)
  (wisp-tests-should-survive
   (let* ((wisp-fuel 20000000)
          (err (should-error (wisp-call "loop" nil "") :type 'wisp-trap)))
     (should (string-match-p "all fuel consumed" (nth 1 err)))
     (should (equal (nth 2 err) "spinning\n")))))

(ert-deftest wisp-endless-loop-timeout ()
  (wisp-tests-load)
  (wisp-tests-should-survive
   (let* ((wisp-timeout 0.2)
          (start (float-time))
          (err (should-error (wisp-call "loop" nil "") :type 'wisp-trap)))
     (should (string-match-p "timed out after 200 ms" (nth 1 err)))
     (should (< (- (float-time) start) 10)))))

(ert-deftest wisp-memory-limit ()
  (wisp-tests-load)
  (wisp-tests-should-survive
   (let* ((wisp-max-memory (* 8 1024 1024))
          (err (should-error (wisp-call "oom" nil "") :type 'wisp-exit)))
     (should (equal (nth 1 err) 3))
     (should (string-match "\\`out of memory after \\([0-9]+\\) MiB\n\\'" (nth 2 err)))
     (should (< (string-to-number (match-string 1 (nth 2 err))) 8)))))

(ert-deftest wisp-endless-recursion ()
  (wisp-tests-load)
  (wisp-tests-should-survive
   (let ((err (should-error (wisp-call "recurse" nil "") :type 'wisp-trap)))
     (should (string-match-p "call stack exhausted" (nth 1 err))))))

(ert-deftest wisp-many-calls ()
  (wisp-tests-load)
  (dotimes (i 200)
    (should (equal (wisp-call "upcase" (list (format "n%d" i))) (format "N%d\n" i)))))

(provide 'wisp-tests)
;;; wisp-tests.el ends here
