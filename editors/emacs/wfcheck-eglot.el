;;; wfcheck-eglot.el --- wfcheck's language server in Emacs, with eglot  -*- lexical-binding: t; -*-

;; Diagnostics (through Flymake), quick fixes (`eglot-code-actions'), fix-all and hover
;; (ElDoc) from `wfcheck-lsp', for Python buffers.  Tested with Emacs 28 and eglot 1.9
;; (Debian's emacs-nox and elpa-eglot) and works with the eglot built into Emacs 29 and later.
;;
;; Install wfcheck (`pip install wfcheck': `wfcheck-lsp' must be on `exec-path'), then in
;; your init file:
;;
;;   (load "/path/to/wfcheck/editors/emacs/wfcheck-eglot.el")
;;   (add-hook 'python-mode-hook #'eglot-ensure)     ; and python-ts-mode-hook on Emacs 29+
;;
;; eglot runs one server per major mode: this makes wfcheck the server of Python buffers,
;; in place of another one (pyright, pylsp) configured for them.

;;; Code:

(require 'eglot)

(defgroup wfcheck nil
  "wfcheck: Upstash Workflow replay mistakes in Python."
  :group 'tools
  :prefix "wfcheck-")

(defcustom wfcheck-eglot-command '("wfcheck-lsp")
  "The command that starts wfcheck's language server, and its arguments."
  :type '(repeat string))

(defun wfcheck-eglot--contact (&optional _interactive)
  "The server's command for eglot (read when the server starts)."
  wfcheck-eglot-command)

(add-to-list 'eglot-server-programs
             '((python-mode python-ts-mode) . wfcheck-eglot--contact))

;; The server's settings (the `wfcheck' section of `workspace/configuration'); set them per
;; project in .dir-locals.el, for example:
;;
;;   ((nil . ((eglot-workspace-configuration
;;             . (:wfcheck (:configurationPreference "filesystemFirst"
;;                          :configuration (:extend-select ["UWF108"])))))))

(defun wfcheck-eglot-fix-all ()
  "Apply wfcheck's safe fixes to the buffer (`source.fixAll.wfcheck')."
  (interactive)
  (eglot-code-actions (point-min) (point-max) "source.fixAll.wfcheck" t))

(provide 'wfcheck-eglot)
;;; wfcheck-eglot.el ends here
