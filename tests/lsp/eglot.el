;;; eglot.el --- drive Eglot with plainly, for tests/lsp_eglot.rs  -*- lexical-binding: t; -*-
;;
;; Run: emacs --batch -l eglot.el EDITORS_DIR PLAINLY_BIN DOCUMENT
;; (not -Q: Debian's site files put the elpa-eglot package on the load path)
;; Prints what it sees, one fact a line.

(require 'eglot)
(require 'flymake)

(defun plainly-say (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun plainly-fail (msg)
  (plainly-say "FAIL %s" msg)
  (kill-emacs 1))

(let* ((args command-line-args-left)
       (editors (nth 0 args))
       (bin (nth 1 args))
       (doc (nth 2 args)))
  (setq command-line-args-left nil)
  ;; Debian's Emacs has no markdown-mode; a stand-in is enough here.
  (define-derived-mode markdown-mode text-mode "Markdown")
  (add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
  (load (expand-file-name "emacs/plainly-eglot.el" editors) nil t)
  ;; Run the binary under test rather than `plainly' from PATH.
  (setf (alist-get '(markdown-mode gfm-mode markdown-ts-mode) eglot-server-programs
                   nil nil #'equal)
        (list bin "lsp"))
  ;; A folder without version control is still a project.
  (add-hook 'project-find-functions (lambda (dir) (cons 'transient dir)))
  (find-file doc)
  ;; `eglot-ensure' waits for the command loop, which batch mode lacks:
  ;; connect the way it would, from `eglot-server-programs'.
  (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
  (let ((deadline (+ (float-time) 60)))
    (while (and (not (eglot-current-server)) (< (float-time) deadline))
      (accept-process-output nil 0.05)))
  (unless (eglot-current-server) (plainly-fail "Eglot did not start plainly"))
  (defun plainly-diags ()
    (sort (mapcar (lambda (d)
                    (list (line-number-at-pos (flymake-diagnostic-beg d))
                          (save-excursion (goto-char (flymake-diagnostic-beg d)) (current-column))
                          (flymake-diagnostic-text d)))
                  (flymake-diagnostics))
          (lambda (a b) (or (< (car a) (car b))
                            (and (= (car a) (car b)) (< (cadr a) (cadr b)))))))
  (defun plainly-wait (pred what)
    (let ((deadline (+ (float-time) 60)))
      (while (and (not (funcall pred)) (< (float-time) deadline))
        (accept-process-output nil 0.05))
      (unless (funcall pred) (plainly-fail what))))
  (plainly-wait (lambda () (> (length (plainly-diags)) 0)) "no diagnostics from plainly")
  (dolist (d (plainly-diags))
    (plainly-say "DIAG %d %d %s" (nth 0 d) (nth 1 d) (nth 2 d)))
  ;; Edit: "utilise" to "use".
  (goto-char (point-min))
  (search-forward "utilise")
  (replace-match "use")
  ;; Eglot sends changes from an idle timer, which batch mode never runs.
  (eglot--signal-textDocument/didChange)
  (plainly-wait (lambda () (= (length (plainly-diags)) 1)) "diagnostics did not change after the edit")
  (plainly-say "AFTER-EDIT %d" (length (plainly-diags)))
  ;; Code actions at the remaining finding.
  (goto-char (point-min))
  (search-forward "in order to")
  (let* ((server (eglot-current-server))
         (actions (jsonrpc-request
                   server :textDocument/codeAction
                   (list :textDocument (eglot--TextDocumentIdentifier)
                         :range (list :start (eglot--pos-to-lsp-position (match-beginning 0))
                                      :end (eglot--pos-to-lsp-position (match-beginning 0)))
                         :context (list :diagnostics [])))))
    (seq-doseq (a actions)
      (plainly-say "ACTION %s" (plist-get a :title))))
  (plainly-say "DONE")
  (let ((server (eglot-current-server)))
    (ignore-errors (eglot-shutdown server)))
  (kill-emacs 0))
