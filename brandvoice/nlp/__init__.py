"""spaCy for brandvoice: model resolution and lazy loading, the social-media tokenizer, one parsed
`Doc` per text shared by every kind that needs it, and the lexicons the voice kinds use.

Nothing here imports spaCy at module import time: `brandvoice check --help` or a guide without
voice rules never pays for it.
"""
