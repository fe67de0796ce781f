"""The exceptions newsgraph raises.

    NewsgraphError                 every error newsgraph raises on purpose
    ├── InputError                 the document itself cannot be processed
    │   ├── EmptyInputError        nothing but whitespace
    │   ├── BinaryInputError       not text (an image, an archive, ...)
    │   ├── DecodeError            bytes in no encoding we can read
    │   ├── TooLargeError          over the size limit in Options.max_bytes
    │   └── NoArticleError         cleaning found no article text in it
    ├── ModelError                 a spaCy pipeline that cannot be loaded
    ├── StageError                 a pipeline stage failed on a document (a bug, reported per document)
    │   └── AnnotatorError         ... that stage being an annotator
    └── QueryError                 a malformed query against a store
        └── NotFoundError          ... asking for an id the store does not hold

Each carries a one-line message meant for a user: the CLI prints it as is.
A pipeline stage sets ``stage`` on the errors raised inside it, and a corpus
run stores ``failure(exc)``: the stage, the exception's class and its message.
"""

from __future__ import annotations

from typing import NamedTuple


class NewsgraphError(Exception):
    """Base class: every error newsgraph raises on purpose."""

    stage: str | None = None  # the pipeline stage it was raised in, when known


class InputError(NewsgraphError):
    """The input document cannot be processed."""


class EmptyInputError(InputError):
    """The input is empty or only whitespace."""


class BinaryInputError(InputError):
    """The input is binary data, not text or HTML."""


class DecodeError(InputError):
    """The input bytes cannot be decoded as text."""


class TooLargeError(InputError):
    """The input is larger than the configured limit."""


class NoArticleError(InputError):
    """Cleaning found no article text in the input (a page of menus, an empty template)."""


class ModelError(NewsgraphError):
    """A spaCy pipeline could not be loaded."""


class StageError(NewsgraphError):
    """A pipeline stage raised something unexpected on one document: a bug, not the input.

    ``cause`` is the original exception; the message names the stage.
    """

    def __init__(self, stage: str, cause: BaseException) -> None:
        self.stage = stage
        self.cause = cause
        super().__init__(self._message(stage, cause))

    @staticmethod
    def _message(stage: str, cause: BaseException) -> str:
        return f"{stage} failed: {type(cause).__name__}: {cause}"

    def __reduce__(self):  # picklable, so it crosses a process pool intact
        return (type(self), (self.stage, self.cause))


class AnnotatorError(StageError):
    """An annotator raised on one document; the message names the annotator."""

    @staticmethod
    def _message(stage: str, cause: BaseException) -> str:
        return f"annotator {stage.removeprefix('annotate:')!r} failed: {cause}"


class QueryError(NewsgraphError):
    """A query against a store is malformed."""


class NotFoundError(QueryError):
    """The store holds no article, actor or event with the id asked for."""


class Failure(NamedTuple):
    """Why one document failed, as a corpus run records it."""

    kind: str  # the exception's class name (the original one, for a bug in a stage)
    reason: str  # its message
    stage: str | None = None  # the pipeline stage, e.g. "read", "clean", "annotate:quotes"


def failure(exc: BaseException, stage: str | None = None) -> Failure:
    """The record of a failure: for a bug in a stage, the original exception's class."""
    if isinstance(exc, StageError):
        return Failure(type(exc.cause).__name__, str(exc), exc.stage)
    return Failure(type(exc).__name__, str(exc), getattr(exc, "stage", None) or stage)
