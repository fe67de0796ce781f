"""Command-line options generated from the ``Options`` model, so they are declared once.

``with_options()`` adds one ``--name`` per field of ``Options`` (its help text,
its metavar and its default taken from the field) to a typer command, and
hands the command one validated ``Options`` object instead of the loose values.
A value the model refuses is a usage error naming the option (exit 2).
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from pydantic.fields import FieldInfo

from newsgraph.options import Options


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _extra(field: FieldInfo) -> dict:
    return field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}


def _default_text(name: str, field: FieldInfo) -> str:
    if field.default_factory is not None or field.default is None:
        return ""
    value = f"{field.default:,}" if isinstance(field.default, int) else field.default
    return f" (default: {value})"  # parentheses: rich would read [...] as markup


def _parameter(name: str, field: FieldInfo) -> inspect.Parameter:
    """The typer parameter for one field of Options."""
    help_text = (field.description or "") + _default_text(name, field)
    if field.annotation in (bool, "bool"):
        flags = f"{_flag(name)}/--no-{name.replace('_', '-')}"
        info = typer.Option(flags, help=field.description, show_default=True)
        return inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            annotation=Annotated[bool, info],
            default=field.default,
        )
    info = typer.Option(
        _flag(name),
        help=help_text,
        metavar=_extra(field).get("metavar", "TEXT"),
        show_default=False,
    )
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[str | None, info], default=None
    )


def _names(corpus: bool) -> list[str]:
    return [
        name
        for name, field in Options.model_fields.items()
        if corpus or not _extra(field).get("corpus")
    ]


def _value(name: str, text: Any) -> Any:
    """A command-line string as the value the model takes."""
    if name == "annotators" and isinstance(text, str):
        names = tuple(n.strip() for n in text.split(",") if n.strip())
        return () if names in ((), ("none",)) else names
    if name == "settings" and isinstance(text, str):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise typer.BadParameter(f"is not JSON ({exc.msg})", param_hint="--settings") from None
    return text


def build(values: dict[str, Any]) -> Options:
    """Options from the command line's values; a refused value names its option."""
    given = {name: _value(name, v) for name, v in values.items() if v is not None}
    try:
        return Options.model_validate(given)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else ""
        raise typer.BadParameter(_explain(err), param_hint=_flag(name)) from None


def _explain(err: dict) -> str:
    """A pydantic complaint as a short phrase about the option's value."""
    ctx = err.get("ctx") or {}
    kind = err["type"]
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "greater_than":
        return f"must be more than {ctx['gt']}"
    if kind == "literal_error":
        return f"must be {ctx['expected']}, not {err['input']!r}"
    if kind.startswith(("date_", "datetime_")):
        return f"must be a date like 2024-03-14, not {err['input']!r}"
    if kind.startswith("int_"):
        return f"must be a whole number, not {err['input']!r}"
    return err["msg"]


def with_options(*, corpus: bool = False) -> Callable[[Callable], Callable]:
    """Give a command one option per Options field; it receives ``options: Options``.

    ``corpus=False`` leaves out the options only a corpus run uses (workers, batch size).
    """
    names = _names(corpus)

    def decorate(func: Callable) -> Callable:
        sig = inspect.signature(func, eval_str=True)
        own = [p for p in sig.parameters.values() if p.name != "options"]

        @functools.wraps(func)
        def command(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in names}
            return func(*args, options=build(values), **kwargs)

        params = own + [_parameter(n, Options.model_fields[n]) for n in names]
        command.__signature__ = sig.replace(parameters=params)
        command.__annotations__ = {p.name: p.annotation for p in params}
        del command.__wrapped__  # typer must see the generated signature, not func's
        return command

    return decorate
