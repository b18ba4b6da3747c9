"""brandvoice: a brand-voice and copy checker for social-media drafts."""

__version__ = "0.1.0"
