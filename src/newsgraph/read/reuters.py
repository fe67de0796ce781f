"""The Reuters-21578 collection (SGML, ``reut2-NNN.sgm``) -> Items with their dates.

Each ``<REUTERS>`` record gives one story: ``<TITLE>``, ``<DATELINE>`` and
``<BODY>`` inside ``<TEXT>``, and ``<DATE>`` (``26-FEB-1987 15:01:01.79``),
which becomes the publication date. Bodies are hard-wrapped at ~70 columns
with paragraphs indented; they are unwrapped into paragraphs and the
``Reuter`` sign-off is dropped. A brief (title only, or the collection's
placeholder body "Blah blah blah.") keeps its title as body.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from newsgraph.dates.published import parse_published
from newsgraph.read.items import Item, content_hash, failed
from newsgraph.read.registry import ReadOptions, register_reader

_RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
# The sign-off as the operators typed it: "Reuter", "REUTER", "REUTE", "REUITER", "REUTER^M".
_SIGNOFF = re.compile(
    r"(?:^|\n|(?<=[.!?\"')]))\s*\b(?:reuters?|reute|reuiter|reueter|ruter|reuter\.+)(?:\W*\^M)?(?:\s+[a-z])?\s*$",
    re.I,
)
_CTRL = re.compile(r"&#\d+;|[\x00-\x08\x0b-\x1f\x7f]")
# The collection's stand-in body for headline-only stories.
_PLACEHOLDER = "Blah blah blah."
_TITLE_EL = re.compile(r"<TITLE>.*?</TITLE>", re.S)
_MARKUP = re.compile(r"<[^>]+>|^\s*\*+", re.M)


def _tag(block: str, name: str) -> str | None:
    m = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", block, re.S)
    return m.group(1) if m else None


def _text(value: str) -> str:
    return html.unescape(_CTRL.sub(" ", value))


def parse_date(value: str) -> str | None:
    """'26-FEB-1987 15:01:01.79' -> '1987-02-26T15:01:01'."""
    return parse_published(value, today=date.max)  # a reader reads; the pipeline judges


def unwrap(body: str) -> str:
    """Join hard-wrapped lines; a line indented by spaces starts a new paragraph."""
    paragraphs: list[list[str]] = []
    for line in body.splitlines():
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return without_signoff("\n\n".join(" ".join(p) for p in paragraphs)).strip()


def without_signoff(text: str) -> str:
    """The story without the wire's sign-off, however the operator typed it; a story's
    own last word "Reuters" ("... it told Reuters") stays."""
    return _SIGNOFF.sub("", text)


def wire_stories(path: Path) -> Iterator[tuple[str, str]]:
    """(headline, text) per record, the text as the wire sent it: not unwrapped.

    The text is the dateline and the hard-wrapped body with its sign-off (an
    unprocessed record's text after its first line, which is its headline);
    a brief's is empty. Markup is removed and entities decoded. For measuring
    how cleaning copes with hard-wrapped text; ``iter_reuters`` is the reader.
    """
    source = path.read_text(encoding="latin-1")
    for m in _RECORD.finditer(source):
        block = m.group(2)
        title, body = _tag(block, "TITLE"), _tag(block, "BODY")
        if title is None and body is None:
            text = _text(_MARKUP.sub("", _tag(block, "TEXT") or "")).strip()
            title, _, body = text.partition("\n")
        else:
            body = (_tag(block, "DATELINE") or "") + (body or "")
        body = _text(body).rstrip()
        headline = " ".join(_text(title or "").split())
        yield headline, "" if body.strip() == _PLACEHOLDER else body


def iter_reuters(path: Path) -> Iterator[Item]:
    """One Item per story in a Reuters-21578 SGML file."""
    try:
        # The files are ASCII with stray Latin-1 bytes.
        source = path.read_text(encoding="latin-1")
    except OSError as exc:
        yield failed(str(path), "InputError", f"cannot read {path.name}: {exc}")
        return
    for m in _RECORD.finditer(source):
        attrs, block = m.group(1), m.group(2)
        newid = _NEWID.search(attrs)
        location = f"{path}#{newid.group(1) if newid else m.start()}"
        title = " ".join(_text(_tag(block, "TITLE") or "").split()) or None
        body = unwrap(_text(_tag(block, "BODY") or ""))
        if not body:
            text = _TITLE_EL.sub(" ", _tag(block, "TEXT") or "")
            body = unwrap(_text(_MARKUP.sub(" ", text)))
        if not body or body == _PLACEHOLDER:
            body = title or ""
        if not body.strip():
            yield failed(location, "EmptyInputError", "story has no title and no text", m.group(0))
            continue
        yield Item(
            location=location,
            hash=content_hash("reuters", m.group(0)),
            data=body,
            format="text",
            title=title,
            published=parse_date(_tag(block, "DATE") or ""),
            source="Reuters",
            clean=False,
            read_to=m.end(),  # the files are read as Latin-1: a character is a byte
        )


@register_reader("reuters-sgml", suffixes=(".sgm",))
def read_reuters(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The reader for Reuters-21578 .sgm files (stories are far below any size limit)."""
    return iter_reuters(path)
