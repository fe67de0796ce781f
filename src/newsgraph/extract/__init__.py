"""Annotators: one module per part of the record, each a plain function over (Doc, Article).

An annotator declares what record fields it reads (``requires``) and writes
(``assigns``); ``plan()`` orders the chosen ones and fails, naming the
annotator, when one would run before what it needs. Built-ins register
through the same decorator a third party uses; outside packages are found
through the ``newsgraph.annotators`` entry-point group.

An annotator with tunable thresholds declares them as a ``settings`` model (a
pydantic model whose fields all have defaults and descriptions) beside its
own code; it is then called as ``func(doc, article, settings)``. Users
override values through ``Options.settings`` ({annotator: {name: value}}),
and an ingest run records every annotator's resolved settings, so a store
says how it was made.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Any

from pydantic import BaseModel, ValidationError
from spacy.tokens import Doc

from newsgraph.errors import NewsgraphError
from newsgraph.record import Article

AnnotatorFunc = Callable[..., None]  # (doc, article) or (doc, article, settings)

# Built-in annotators in their natural order; a module that is absent is skipped.
BUILTIN = ("entities", "places", "dates", "quotes", "tone", "events")


@dataclass(frozen=True)
class Annotator:
    name: str
    func: AnnotatorFunc
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    settings: type[BaseModel] | None = None

    def configure(self, overrides: Mapping[str, Any] | None = None) -> BaseModel | None:
        """This annotator's settings: the declared defaults with ``overrides`` applied."""
        if self.settings is None:
            if overrides:
                raise NewsgraphError(f"annotator {self.name!r} takes no settings")
            return None
        try:
            return self.settings(**(overrides or {}))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()
            )
            raise NewsgraphError(f"bad settings for annotator {self.name!r}: {problems}") from None

    def run(self, doc: Doc, article: Article, settings: BaseModel | None = None) -> None:
        """Annotate one parsed document (with this annotator's settings, if it has any)."""
        if self.settings is None:
            self.func(doc, article)
        else:
            self.func(doc, article, settings if settings is not None else self.settings())


_REGISTRY: dict[str, Annotator] = {}


def annotator(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    settings: type[BaseModel] | None = None,
) -> Callable[[AnnotatorFunc], AnnotatorFunc]:
    """Register a function as the annotator ``name``.

    With ``settings`` (a pydantic model with defaults), the function is called as
    ``func(doc, article, settings)``; without, as ``func(doc, article)``.
    """

    def register(func: AnnotatorFunc) -> AnnotatorFunc:
        _REGISTRY[name] = Annotator(name, func, tuple(requires), tuple(assigns), settings)
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


def resolved_settings(
    steps: Iterable[Annotator], overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> dict[str, BaseModel | None]:
    """Each step's settings with the user's overrides applied; an override naming an
    annotator that is not run is an error, not silently ignored."""
    steps = list(steps)
    overrides = overrides or {}
    unknown = set(overrides) - {s.name for s in steps}
    if unknown:
        raise NewsgraphError(
            f"settings given for annotators that do not run: {', '.join(sorted(unknown))}"
        )
    return {s.name: s.configure(overrides.get(s.name)) for s in steps}
