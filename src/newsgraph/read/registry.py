"""Readers: one per kind of input file, chosen by file-name suffix or named by the user.

A reader is a function ``(path, options) -> Iterator[Item]`` registered with
``register_reader`` under a name and the suffixes it claims. The built-in
readers (pages, JSON Lines, CSV, WARC, Reuters SGML) register through the
same decorator a third party uses; outside packages are found through the
``newsgraph.readers`` entry-point group. ``reader_for`` is the one place a
file name is turned into a reader.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.read.items import Item
from newsgraph.read.limited import DEFAULT_MAX_BYTES

# Built-in reader modules under newsgraph.read, imported on first use.
BUILTIN = ("pages", "feeds", "warc", "reuters")


@dataclass(frozen=True)
class Fields:
    """Names of the columns (CSV) or keys (JSON Lines) that hold each part of a record."""

    text: str = "text"
    html: str = "html"
    url: str = "url"
    title: str = "title"
    published: str = "published"
    source: str = "source"


@dataclass(frozen=True)
class ReadOptions:
    """What every reader is given besides the path."""

    fields: Fields = field(default_factory=Fields)
    max_bytes: int = DEFAULT_MAX_BYTES


ReaderFunc = Callable[[Path, ReadOptions], Iterator[Item]]


@dataclass(frozen=True)
class Reader:
    """A registered reader: what ``reader_for`` and ``get_reader`` hand out."""

    name: str
    suffixes: tuple[str, ...]  # lower case, each with its leading dot
    read: ReaderFunc
    gzip: bool  # also claims each suffix followed by .gz


_REGISTRY: dict[str, Reader] = {}


def register_reader(
    name: str, *, suffixes: Iterable[str] = (), gzip: bool = False
) -> Callable[[ReaderFunc], ReaderFunc]:
    """Register a function as the reader ``name`` for files ending in ``suffixes``.

    With ``gzip`` the reader also gets those files compressed (``.csv.gz``):
    it reads gzip (``open_unpacked`` and ``read_limited`` do). A reader
    registered again under its name replaces the earlier one (a plugin may
    replace a built-in); a suffix claimed by two names is an error.
    """
    claimed = tuple(s.lower() for s in suffixes)
    for suffix in claimed:
        if not suffix.startswith(".") or suffix.endswith(".gz"):
            raise ValueError(
                f"reader {name!r}: suffix {suffix!r} must start with '.' and not be .gz"
            )

    def register(func: ReaderFunc) -> ReaderFunc:
        for other in _REGISTRY.values():
            clash = set(other.suffixes) & set(claimed)
            if other.name != name and clash:
                raise ValueError(
                    f"reader {name!r} claims {', '.join(sorted(clash))}, "
                    f"already claimed by reader {other.name!r}"
                )
        _REGISTRY[name] = Reader(name, claimed, func, gzip)
        return func

    return register


@lru_cache(maxsize=1)
def _load_plugins() -> None:
    """Import the built-in reader modules and the entry points, once per process."""
    for mod in BUILTIN:
        importlib.import_module(f"newsgraph.read.{mod}")
    for ep in entry_points(group="newsgraph.readers"):
        ep.load()


def readers() -> dict[str, Reader]:
    """All readers by name: built-ins first, then those from entry points."""
    _load_plugins()
    return dict(_REGISTRY)


def get_reader(name: str) -> Reader:
    """The reader registered as ``name``: how a user declares a file's format."""
    known = readers()
    if name not in known:
        raise NewsgraphError(f"unknown reader {name!r} (known: {', '.join(sorted(known))})")
    return known[name]


def reader_for(path: Path) -> Reader | None:
    """The reader a file name calls for, or None when no reader claims it.

    Case does not matter, one ``.gz`` is looked through (for readers that take
    gzip), and the longest suffix wins: a reader claiming ``.meta.json`` gets
    ``a.meta.json`` and ``a.META.json.gz`` even when another claims ``.json``.
    """
    name = path.name.lower()
    base = name.removesuffix(".gz")
    best: tuple[int, Reader] | None = None
    for reader in readers().values():
        if base != name and not reader.gzip:
            continue
        for suffix in reader.suffixes:
            if base.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), reader)
    return best[1] if best else None
