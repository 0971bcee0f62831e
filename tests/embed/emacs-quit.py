#!/usr/bin/env python3
"""C-g stops a runaway plugin in a real interactive Emacs.

Runs `emacs -nw` on a pseudo-terminal, has it call the endless `loop` plugin through the wisp module, types
C-g on the terminal once the call is running, and checks that the call ended with `quit`, that Emacs is
still alive and that the next plugin call works.

    emacs-quit.py EMACS MODULE_DIR LISP_DIR PLUGIN_DIR
"""
import os
import pty
import select
import shutil
import signal
import sys
import tempfile
import time

LISP = r'''
(require 'wisp)
(wisp-load-directory (getenv "WISP_EMBED_PLUGINS"))
;; Timers run with `inhibit-quit' bound to t; an interactive command runs with it nil, as here.
(defun wisp-quit-test-run ()
  (let* ((inhibit-quit nil)
         (result
         (condition-case err
             (progn
               (write-region "started" nil (getenv "WISP_QUIT_STARTED"))
               (wisp-call "loop" nil "")
               "returned")
           (quit "quit")
           (error (format "error: %S" err)))))
    (setq result (concat result " " (wisp-call "upcase" nil "alive")))
    (write-region result nil (getenv "WISP_QUIT_RESULT"))
    (kill-emacs 0)))
(run-with-timer 0.5 nil #'wisp-quit-test-run)
'''


def main():
    emacs, module_dir, lisp_dir, plugins = sys.argv[1:5]
    work = tempfile.mkdtemp(prefix="wisp-emacs-quit.")
    script = os.path.join(work, "quit-test.el")
    started = os.path.join(work, "started")
    result = os.path.join(work, "result")
    with open(script, "w") as f:
        f.write(LISP)
    env = dict(os.environ, TERM="vt100", WISP_EMBED_PLUGINS=plugins, WISP_QUIT_STARTED=started,
               WISP_QUIT_RESULT=result)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(emacs, [emacs, "-nw", "-Q", "-L", module_dir, "-L", lisp_dir, "-l", script], env)

    def drain(seconds):
        end = time.time() + seconds
        while time.time() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    return

    def wait_for(path, seconds):
        end = time.time() + seconds
        while time.time() < end and not os.path.exists(path):
            drain(0.1)
        return os.path.exists(path)

    status = 1
    try:
        if not wait_for(started, 60):
            print("FAIL: the plugin call never started")
            return 1
        drain(0.5)  # the plugin is now spinning
        t0 = time.time()
        os.write(fd, b"\x07")  # C-g
        if not wait_for(result, 30):
            print("FAIL: C-g did not stop the plugin within 30 s")
            return 1
        took = time.time() - t0
        with open(result) as f:
            text = f.read()
        if text != "quit ALIVE":
            print("FAIL: expected 'quit ALIVE', got %r" % text)
            return 1
        print("ok: C-g stopped the runaway plugin in %.0f ms; Emacs and the next call survived" % (took * 1000))
        status = 0
    finally:
        for _ in range(50):
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            drain(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
