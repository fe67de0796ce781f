"""Command-line options generated from the ``Options`` model, so they are declared once.

``with_options()`` adds one ``--name`` per field of ``Options`` to a click
command (its help text, its metavar and its default taken from the field)
and hands the command one validated ``Options`` object instead of the loose
values. A value the model refuses is a usage error naming the option (exit 2).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click
from pydantic import ValidationError
from pydantic.fields import FieldInfo

from newsgraph.options import Options


def flag(name: str) -> str:
    """The command-line spelling of an Options field: batch_size -> --batch-size."""
    return "--" + name.replace("_", "-")


def _extra(field: FieldInfo) -> dict:
    return field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}


def _option(name: str, field: FieldInfo) -> Callable:
    """The click option for one field of Options."""
    if field.annotation is bool:
        negative = "--no-" + name.replace("_", "-")
        return click.option(
            f"{flag(name)}/{negative}",
            name,
            default=field.default,
            show_default=True,
            help=field.description,
        )
    help_text = field.description or ""
    if field.default_factory is None and field.default is not None:
        default = f"{field.default:,}" if isinstance(field.default, int) else field.default
        help_text += f"  [default: {default}]"
    # default=None: an option not given leaves the model's own default in force
    return click.option(
        flag(name), name, default=None, metavar=_extra(field).get("metavar", "TEXT"), help=help_text
    )


def _value(name: str, text: Any) -> Any:
    """A command-line string as the value the model takes."""
    if name == "annotators" and isinstance(text, str):
        names = tuple(n.strip() for n in text.split(",") if n.strip())
        return () if names in ((), ("none",)) else names
    if name == "settings" and isinstance(text, str):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise click.BadParameter(f"is not JSON ({exc.msg})", param_hint="--settings") from None
    return text


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


def build(values: dict[str, Any]) -> Options:
    """Options from the command line's values; a refused value names its option."""
    given = {name: _value(name, v) for name, v in values.items() if v is not None}
    try:
        return Options.model_validate(given)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else ""
        raise click.UsageError(f"{flag(name)} {_explain(err)}") from None


def with_options(*, corpus: bool = False) -> Callable[[Callable], Callable]:
    """Give a command one option per Options field; it receives ``options: Options``.

    ``corpus=False`` leaves out the options only a corpus run uses (workers, batch size).
    """
    names = [
        name
        for name, field in Options.model_fields.items()
        if corpus or not _extra(field).get("corpus")
    ]

    def decorate(func: Callable) -> Callable:
        def command(**kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in names}
            return func(options=build(values), **kwargs)

        command.__name__, command.__doc__ = func.__name__, func.__doc__
        for name in reversed(names):
            command = _option(name, Options.model_fields[name])(command)
        return command

    return decorate
