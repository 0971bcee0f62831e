;;; wisp.el --- Run WebAssembly plugins in Emacs with wisp  -*- lexical-binding: t -*-

;;; Commentary:
;; A thin layer over the dynamic module wisp-module.so (built with
;; `cmake --build build --target wisp-module'; put its directory on `load-path').
;; The module defines:
;;   (wisp-load-directory DIR)          load every DIR/*.wasm, named by file stem; return the names
;;                                      (the loaded set becomes exactly DIR's loadable plugins)
;;   (wisp-call NAME &optional ARGS INPUT)  run NAME with ARGS (strings) and INPUT on stdin; return stdout
;;                                      (a unibyte string when the output is not UTF-8)
;;   (wisp-plugins)                     the loaded names
;; Failures are signals: `wisp-trap' (MESSAGE PARTIAL-STDOUT BACKTRACE), `wisp-exit'
;; (CODE STDOUT STDERR), both children of `wisp-error'.  C-g stops a runaway plugin.

;;; Code:

(defgroup wisp nil "WebAssembly plugins run by wisp." :group 'extensions)

(defcustom wisp-fuel nil
  "Instruction budget of one plugin call, or nil for no limit."
  :type '(choice (const nil) integer))

(defcustom wisp-timeout 10
  "Seconds a plugin call may run before it is interrupted, or nil for no limit.
Finite by default: C-g stops a plugin only when Emacs reads input, so a
plugin called from a timer or a process filter could otherwise hang Emacs."
  :type '(choice (const nil) number))

(defcustom wisp-max-memory (* 64 1024 1024)
  "Largest linear memory of a plugin, in bytes: memory.grow beyond it fails."
  :type 'integer)

(defcustom wisp-max-depth 10000
  "Deepest call stack of a plugin: deeper recursion fails with \"call stack exhausted\"."
  :type 'integer)

(require 'wisp-module)

(defun wisp-filter-region (name start end &rest args)
  "Replace the region START..END with the output of plugin NAME run on it with ARGS."
  (interactive
   (list (completing-read "Plugin: " (wisp-plugins) nil t) (region-beginning) (region-end)))
  (let ((out (wisp-call name args (buffer-substring-no-properties start end))))
    (save-excursion
      (delete-region start end)
      (goto-char start)
      (insert out))))

(provide 'wisp)
;;; wisp.el ends here
