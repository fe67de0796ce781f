"""The one options object shared by the CLI, the Python API and the corpus runners."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from newsgraph.read.limited import DEFAULT_MAX_BYTES


class Options(BaseModel):
    """How one article is extracted. Every option has a default and help text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    clean: bool = Field(
        True, description="Remove page furniture; False keeps the input as the body."
    )
    format: Literal["text", "html"] | None = Field(
        None, description="Input form; detected when not given."
    )
    model: str | None = Field(
        None,
        description="spaCy pipeline: an installed package name or a path. "
        "Default: the small English pipeline (or $NEWSGRAPH_MODEL).",
    )
    annotators: tuple[str, ...] | None = Field(
        None, description="Annotators to run, by name; default all registered ones."
    )
    max_bytes: int = Field(DEFAULT_MAX_BYTES, description="Refuse inputs larger than this.")
