"""Annotators: one module per part of the record, each a plain function over (Doc, Article).

An annotator declares what record fields it reads (``requires``) and writes
(``assigns``); ``plan()`` orders the chosen ones and fails, naming the
annotator, when one would run before what it needs. Built-ins register
through the same decorator a third party uses; outside packages are found
through the ``newsgraph.annotators`` entry-point group.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points

from spacy.tokens import Doc

from newsgraph.errors import NewsgraphError
from newsgraph.record import Article

AnnotatorFunc = Callable[[Doc, Article], None]

# Built-in annotators in their natural order; a module that is absent is skipped.
BUILTIN = ("entities", "places", "dates", "quotes", "events")


@dataclass(frozen=True)
class Annotator:
    name: str
    func: AnnotatorFunc
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


_REGISTRY: dict[str, Annotator] = {}


def annotator(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[AnnotatorFunc], AnnotatorFunc]:
    """Register a function as the annotator ``name``."""

    def register(func: AnnotatorFunc) -> AnnotatorFunc:
        _REGISTRY[name] = Annotator(name, func, tuple(requires), tuple(assigns))
        return func

    return register


@lru_cache(maxsize=1)
def _load_plugins() -> None:
    """Import the built-in annotator modules and the entry points, once per process."""
    for mod in BUILTIN:
        full = f"newsgraph.extract.{mod}"
        if importlib.util.find_spec(full) is not None:
            importlib.import_module(full)
    for ep in entry_points(group="newsgraph.annotators"):
        ep.load()


def registered() -> dict[str, Annotator]:
    """All annotators: built-ins first, then those from entry points."""
    _load_plugins()
    return dict(_REGISTRY)


def plan(names: Iterable[str] | None = None) -> list[Annotator]:
    """The annotators to run, in an order where each one's requirements come first."""
    available = registered()
    wanted = list(names) if names is not None else list(available)
    for name in wanted:
        if name not in available:
            raise NewsgraphError(
                f"unknown annotator {name!r} (known: {', '.join(sorted(available)) or 'none'})"
            )
    done: set[str] = set()
    ordered: list[Annotator] = []
    pending = [available[n] for n in wanted]
    while pending:
        ready = [a for a in pending if set(a.requires) <= done]
        if not ready:
            a = pending[0]
            missing = ", ".join(sorted(set(a.requires) - done))
            raise NewsgraphError(
                f"annotator {a.name!r} needs {missing}, which no chosen annotator assigns"
            )
        for a in ready:
            ordered.append(a)
            done.update(a.assigns)
            pending.remove(a)
    return ordered
