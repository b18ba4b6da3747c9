"""`brandvoice lsp`: a Language Server Protocol server for editors (pygls, lsprotocol types).

- positions.py: code-point offsets to the client's positions (UTF-16 by default) and back;
- diagnostics.py: findings and guide errors as diagnostics, the status line, explanations;
- actions.py: quick fixes, "fix all safe", "add to the accepted vocabulary";
- server.py: the server's state: its settings, documents, debounced and cancellable checks;
- features.py: what each protocol method does, and `serve` (stdio).
"""
