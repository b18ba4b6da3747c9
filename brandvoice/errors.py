"""Errors a user can cause or fix. The CLI prints them without a traceback and exits 2."""

from __future__ import annotations


class BrandvoiceError(Exception):
    """Base for user-facing errors: the message says what is wrong and how to fix it."""


class GuideError(BrandvoiceError):
    """A style guide that cannot be used: reported as `file:line: key: message`."""

    def __init__(self, path: str, line: int | None, key: str | None, message: str) -> None:
        self.path, self.line, self.key, self.problem = path, line, key, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


class GuideErrors(BrandvoiceError):
    """Several problems in guides, reported together."""

    def __init__(self, errors: list[GuideError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class BrandvoiceWarning(UserWarning):
    """Something the user should know that does not stop the run (printed as a notice on stderr)."""
