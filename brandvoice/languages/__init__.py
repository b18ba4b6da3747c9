"""Language packs: everything brandvoice knows about a language, one folder per language
(`fr/`, `en/`, `de/`), each defining a `LanguagePack` (see `pack.py`) registered in `packs.py`."""
