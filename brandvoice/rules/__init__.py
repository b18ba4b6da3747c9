"""Rule kinds: one module per kind, each ending with its `Kind` record (see `rules/base.py`), and
the word-matching helpers they share (`rules/words.py`). Kinds are registered in
`brandvoice/registry.py`."""
