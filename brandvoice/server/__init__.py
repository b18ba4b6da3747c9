"""The resident brandvoice server: keeps spaCy pipelines and the LanguageTool connection warm so a
`check` from a pre-commit hook or an editor answers in a blink. The CLI is a thin client over a
Unix socket (user-only permissions, no network port)."""
