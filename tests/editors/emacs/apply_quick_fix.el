;;; apply_quick_fix.el --- run by tests/editors/test_emacs.py  -*- lexical-binding: t; -*-
;;
;;   emacs --batch -Q -l apply_quick_fix.el RESULT FILE TITLE CONFIG
;;
;; Loads CONFIG (editors/emacs/wfcheck-eglot.el), opens FILE, starts eglot as `M-x eglot'
;; does, waits for Flymake's diagnostics from wfcheck, runs `eglot-code-actions' at the first
;; one and picks TITLE as a person would at its prompt, waits for that finding to go, saves,
;; and writes what it saw to RESULT as JSON.

(require 'json)
(require 'package)
(package-initialize)  ; Debian's elpa-eglot, in /usr/share/emacs/site-lisp/elpa

(defvar wfcheck-test-timeout 60 "Seconds to wait for the server.")

(let* ((args command-line-args-left)
       (result-file (nth 0 args))
       (file (nth 1 args))
       (title (nth 2 args))
       (config (nth 3 args))
       (result (list (cons 'steps [])))
       (debug-on-error nil))
  (setq command-line-args-left nil)
  (load config nil t)

  (defun wfcheck-test--finish ()
    (with-temp-file result-file (insert (json-encode result)))
    (kill-emacs 0))

  (defun wfcheck-test--diagnostics ()
    "Flymake's diagnostics in the buffer: line (1-based), column (0-based), code, source."
    (let ((seen
           (mapcar
            (lambda (diag)
              (let ((beg (flymake-diagnostic-beg diag))
                    (text (flymake-diagnostic-text diag)))
                (save-excursion
                  (goto-char beg)
                  (list (cons 'line (line-number-at-pos))
                        (cons 'column (current-column))
                        (cons 'code (and (string-match "\\[\\(UWF[0-9]+\\)\\]" text)
                                         (match-string 1 text)))
                        (cons 'text text)
                        (cons 'type (symbol-name (flymake-diagnostic-type diag)))))))
            (flymake-diagnostics))))
      (sort seen (lambda (a b) (or (< (alist-get 'line a) (alist-get 'line b))
                                   (and (= (alist-get 'line a) (alist-get 'line b))
                                        (< (alist-get 'column a) (alist-get 'column b))))))))

  (defun wfcheck-test--wait (predicate)
    "Let the server's messages and Emacs' timers in until PREDICATE holds."
    (let ((deadline (+ (float-time) wfcheck-test-timeout)))
      (while (and (not (funcall predicate)) (< (float-time) deadline))
        (accept-process-output nil 0.05))
      (funcall predicate)))

  (defun wfcheck-test--step (message)
    (setf (alist-get 'steps result) (vconcat (alist-get 'steps result) (list message))))

  (find-file file)
  (apply #'eglot (eglot--guess-contact))
  (unless (wfcheck-test--wait (lambda () (eglot-current-server)))
    (wfcheck-test--step "eglot did not connect")
    (wfcheck-test--finish))
  (let ((server (eglot-current-server)))
    (setf (alist-get 'server result)
          (list (cons 'name (plist-get (eglot--server-info server) :name))
                (cons 'command (process-command (jsonrpc--process server))))))
  (unless (wfcheck-test--wait (lambda () (flymake-diagnostics)))
    (wfcheck-test--step "no diagnostics arrived")
    (wfcheck-test--finish))
  (let* ((before (wfcheck-test--diagnostics))
         (target (car before))
         (code (alist-get 'code target)))
    (setf (alist-get 'before result) (vconcat before))
    (goto-char (point-min))
    (forward-line (1- (alist-get 'line target)))
    (move-to-column (alist-get 'column target))
    ;; `M-x eglot-code-actions', answering its prompt with TITLE.
    (cl-letf* (((symbol-function 'completing-read)
                (lambda (_prompt collection &rest _)
                  (setf (alist-get 'offered result) (vconcat (mapcar #'car collection)))
                  title))
               (last-nonmenu-event ?\r))
      (call-interactively #'eglot-code-actions))
    ;; `C-x C-s': eglot sends the change with didSave (batch mode has no idle time for its
    ;; timer) and Flymake checks again.
    (save-buffer)
    (unless (wfcheck-test--wait
             (lambda ()
               (not (seq-find (lambda (d) (equal (alist-get 'code d) code))
                              (wfcheck-test--diagnostics)))))
      (wfcheck-test--step "the finding stayed"))
    (setf (alist-get 'after result) (vconcat (wfcheck-test--diagnostics)))
    (setf (alist-get 'text result)
          (buffer-substring-no-properties (point-min) (point-max)))
    (wfcheck-test--finish)))
