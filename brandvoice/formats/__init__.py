"""Output formats: one small module per format, each with `render(run, ctx) -> str` and its
`FORMAT` record, registered in `brandvoice/registry.py`. Formatters (and the CLI) are the only code
that prints; `render` returns text so the CLI can also write it to `--output FILE`."""
