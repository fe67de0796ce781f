"""The one options object shared by the CLI, the Python API and the corpus runners.

One precedence rule, in ``Options.merge``: an explicit argument wins over the
Options object, which wins over the defaults. The CLI's options are generated
from these fields (``newsgraph.cli_options``), each with its help text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from newsgraph.read.limited import DEFAULT_MAX_BYTES

# json_schema_extra keys: "metavar" names the value in --help; "corpus": only corpus runs use it.


class Options(BaseModel):
    """How articles are extracted. Every option has a default and help text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    clean: bool = Field(
        True, description="Remove page furniture; False keeps the input as the body."
    )
    format: Literal["text", "html"] | None = Field(
        None,
        description="Input form, text or html; detected when not given.",
        json_schema_extra={"metavar": "text|html"},
    )
    model: str | None = Field(
        None,
        description="spaCy pipeline: an installed package name or a path. "
        "Default: the small English pipeline (or $NEWSGRAPH_MODEL).",
        json_schema_extra={"metavar": "NAME"},
    )
    annotators: tuple[str, ...] | None = Field(
        None,
        description="Annotators to run, by name; default all registered ones (none: metadata only).",
        json_schema_extra={"metavar": "NAMES"},
    )
    settings: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Per-annotator overrides of their named settings: {annotator: {name: value}}.",
        json_schema_extra={"metavar": "JSON"},
    )
    min_body: int = Field(
        200,
        ge=0,
        description="A body shorter than this (characters) from a page holding far more text "
        "is not an article (a caption, a teaser); 0 keeps every body.",
        json_schema_extra={"metavar": "CHARS"},
    )
    language: str | None = Field(
        None,
        description="Language of the inputs (ISO 639-1, e.g. en); overrides detection.",
        json_schema_extra={"metavar": "CODE"},
    )
    default_language: str = Field(
        "en",
        description="Language taken when a text is too short to tell.",
        json_schema_extra={"metavar": "CODE"},
    )
    today: date | None = Field(
        None,
        description="The date extraction takes as today (publication dates after it are "
        "refused); default: the real date.",
        json_schema_extra={"metavar": "DATE"},
    )
    max_bytes: int = Field(
        DEFAULT_MAX_BYTES,
        gt=0,
        description="Refuse inputs larger than this.",
        json_schema_extra={"metavar": "BYTES"},
    )
    workers: int | None = Field(
        None,
        ge=1,
        description="Worker processes for a corpus (default: all cores; 1: in-process).",
        json_schema_extra={"metavar": "N", "corpus": True},
    )
    batch_size: int = Field(
        32,
        ge=1,
        description="Documents per batch: parsed together, one task, one transaction.",
        json_schema_extra={"metavar": "N", "corpus": True},
    )

    @classmethod
    def merge(cls, options: Options | None = None, **explicit: Any) -> Options:
        """``options`` (or the defaults) with every explicit value that is not None applied."""
        base = options or cls()
        given = {k: v for k, v in explicit.items() if v is not None}
        if not given:
            return base
        return cls.model_validate({**base.model_dump(), **given})

    def resolved_today(self) -> date:
        """``today``, or the real date (UTC) when it is not set."""
        return self.today or datetime.now(UTC).date()
