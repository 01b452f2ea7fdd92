;;; plainly-eglot.el --- plainly for Emacs, with Eglot  -*- lexical-binding: t; -*-

;; Load this file from your init file, or copy the form below into it:
;;
;;   (load "/path/to/plainly-eglot.el")
;;
;; Then open a Markdown file and run M-x eglot (or add `eglot-ensure' to
;; `markdown-mode-hook', as below). Needs Emacs 29, or Emacs 28 with the
;; eglot package, and `plainly' on your PATH.

(require 'eglot)

(add-to-list 'eglot-server-programs
             '((markdown-mode gfm-mode markdown-ts-mode)
               "plainly" "lsp"
               ;; Settings, all optional:
               ;; :initializationOptions (:audience "easy-read"
               ;;                         :rules (:passive-voice :json-false))
               ))

;; Start plainly whenever a Markdown file is opened.
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'gfm-mode-hook #'eglot-ensure)

(provide 'plainly-eglot)
;;; plainly-eglot.el ends here
