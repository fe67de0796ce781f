"""The exceptions newsgraph raises.

    NewsgraphError                 every error newsgraph raises on purpose
    ├── InputError                 the document itself cannot be processed
    │   ├── EmptyInputError        nothing but whitespace
    │   ├── BinaryInputError       not text (an image, an archive, ...)
    │   ├── DecodeError            bytes in no encoding we can read
    │   ├── TooLargeError          over the size limit in Options.max_bytes
    │   └── NoArticleError         cleaning found no article text in it
    ├── ModelError                 a spaCy pipeline that cannot be loaded
    ├── AnnotatorError             an annotator failed on a document (a bug, reported per document)
    └── QueryError                 a malformed query against a store

Each carries a one-line message meant for a user: the CLI prints it as is,
and a corpus run stores it as the reason a document was skipped.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: every error newsgraph raises on purpose."""


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


class AnnotatorError(NewsgraphError):
    """An annotator raised on one document; the message names the annotator."""


class QueryError(NewsgraphError):
    """A query against a store is malformed."""
