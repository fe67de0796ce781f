"""Decode one document and tell HTML from plain text.

HTML bytes are decoded with the charset the page declares (BOM, then
``<meta charset>`` or ``http-equiv``), falling back to detection; plain
text bytes try UTF-8 and then detection. Binary data, empty input and
oversized input are refused with a one-line reason.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from charset_normalizer import from_bytes

from newsgraph.errors import BinaryInputError, DecodeError, EmptyInputError, TooLargeError
from newsgraph.read.limited import DEFAULT_MAX_BYTES, read_limited
from newsgraph.read.registry import reader_for

Format = Literal["text", "html"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""")
# Tie-break for detection: legacy encodings in rough order of use on the web.
_WEB_COMMON = ("cp1252", "cp1251", "gb18030", "shift_jis", "cp1250", "cp949", "big5", "cp1256")
# Browsers look at the first 1024 bytes; real pages often declare later, behind scripts.
_PRESCAN_BYTES = 32_768
_HTML_START = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TAG = re.compile(r"</?(p|div|span|a|br|html|body|head|meta|script|table|li|ul|h[1-6])\b", re.I)
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF media file",
}
# GB2312 pages are in practice GBK (a superset); decoding with the narrower codec loses text.
_CODEC_ALIASES = {
    "gb2312": "gbk",
    "gb_2312": "gbk",
    "x-gbk": "gbk",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
}


@dataclass
class RawDocument:
    """One decoded input document, before cleaning."""

    text: str
    format: Format
    url: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    encoding: str | None = None
    clean: bool | None = None  # False: the text is already clean (None: as the options say)
    warnings: list[str] = field(default_factory=list)  # what reading had to repair


def detect_format(text: str) -> Format:
    """'html' when the text is markup, else 'text'."""
    head = text[:5000]
    if _HTML_START.match(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 and head.lstrip().startswith("<") else "text"


def _codec(name: str) -> str | None:
    name = name.strip().strip("\"'").lower()
    name = _CODEC_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit at every other position, as in UTF-16."""
    even, odd = sample[0::2], sample[1::2]
    if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _check_binary(data: bytes) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(f"input is binary ({what}), not text or HTML")
    if b"\x00" in data[:8192]:
        raise BinaryInputError("input is binary (contains NUL bytes), not text or HTML")


def _declared_charset(data: bytes) -> str | None:
    """The codec a page declares in <meta charset> or <meta http-equiv> (or an XML prolog)."""
    head = data[:_PRESCAN_BYTES]
    m = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    enc = _codec(m.group(1).decode("ascii", "ignore")) if m else None
    # a page read as ASCII to find this cannot be UTF-16/32: the declaration is wrong
    return "utf-8" if enc and enc.startswith(("utf-16", "utf-32")) else enc


def _mostly(data: bytes, enc: str) -> str | None:
    """data decoded with enc if only a few bytes are invalid in it, else None."""
    text = data.decode(enc, errors="replace")
    bad = text.count("\ufffd")
    return text if bad <= max(2, len(text) // 2000) else None


def _damaged_utf8(data: bytes) -> str | None:
    """data as UTF-8 with its few bad bytes replaced, when it is UTF-8 but for them.

    UTF-8's multi-byte sequences almost never occur by chance in another
    encoding, so text holding well-formed ones (smart quotes, accents) far
    more often than bad bytes is UTF-8 with some damage, not Mac Roman.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad == 0 or bad > len(text) // 100:
        return None
    well_formed = sum(1 for c in text if ord(c) > 127) - bad
    return text if well_formed >= 2 * bad else None


def _detect(data: bytes) -> str:
    """The encoding charset-normalizer finds; among equally good guesses, the commonest on the web."""
    results = list(from_bytes(data[:200_000]))
    if not results:
        raise DecodeError("input bytes are in no text encoding that could be detected")
    best = results[0]
    tied = [
        r.encoding
        for r in results
        if r.chaos <= best.chaos + 0.01 and r.coherence >= best.coherence - 0.01
    ]
    preferred = next((e for e in _WEB_COMMON if e in tied), best.encoding)
    return _codec(preferred) or preferred


def decode(data: bytes, format: Format | None = None) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding used).

    Order: a byte-order mark; the charset an HTML page declares, unless the
    bytes are valid UTF-8 with non-ASCII text in them (a declaration that
    lies is far more common than Latin-1 text that happens to be valid
    UTF-8); UTF-8; the declared codec with a few bad bytes replaced;
    detection by charset-normalizer.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"input starts with a {enc} byte-order mark but is not {enc}"
                ) from exc
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    _check_binary(data)
    declared = _declared_charset(data) if format != "text" else None
    try:
        text = data.decode("utf-8")
        if declared in (None, "utf-8") or not text.isascii():
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            text = _mostly(data, declared)
            if text is not None:
                return text, declared
    text = _damaged_utf8(data)
    if text is not None:
        return text, "utf-8"
    enc = _detect(data)
    try:
        return data.decode(enc), enc
    except UnicodeDecodeError:
        text = _mostly(data, enc)
        if text is None:
            raise DecodeError(
                f"input is not valid text in any encoding (best guess {enc})"
            ) from None
        return text, enc


# Control characters other than whitespace, and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _looks_binary_text(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.05


def read_text(
    text: str,
    format: Format | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **meta,
) -> RawDocument:
    """A RawDocument from a str already decoded."""
    if len(text) > max_bytes:
        raise TooLargeError(f"input is {len(text):,} characters, over the limit of {max_bytes:,}")
    if not text.strip():
        raise EmptyInputError("input is empty")
    if _looks_binary_text(text):
        raise BinaryInputError("input is binary (control characters), not text or HTML")
    fmt = format or detect_format(text)
    return RawDocument(text=text, format=fmt, **meta)


def read_bytes(
    data: bytes,
    format: Format | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **meta,
) -> RawDocument:
    """A RawDocument from bytes in any common encoding (gzip is unpacked)."""
    return _from_bytes(read_limited(data, max_bytes), format, max_bytes, meta)


def read_path(
    path: str | Path,
    format: Format | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RawDocument:
    """A RawDocument from a page file (.txt, .html, .htm, .xhtml, and their .gz).

    Without a format, a file the "html" reader claims is HTML; any other is
    told apart by its content.
    """
    path = Path(path)
    data = read_limited(path, max_bytes)
    if format is None:
        reader = reader_for(path)
        format = "html" if reader is not None and reader.name == "html" else None
    return _from_bytes(data, format, max_bytes, {"source": str(path)})


def _from_bytes(data: bytes, format: Format | None, max_bytes: int, meta: dict) -> RawDocument:
    """Decode bytes already unpacked and within the limit."""
    if not data.strip():
        raise EmptyInputError("input is empty")
    text, enc = decode(data, format)
    doc = read_text(text, format, max_bytes=max_bytes, **meta)
    doc.encoding = enc
    replaced = _replaced(data, enc)
    if replaced:
        doc.warnings.append(f"{replaced} undecodable bytes replaced (read as {enc})")
    return doc


def _replaced(data: bytes, enc: str) -> int:
    """How many bytes decoding could not read (and replaced): 0 when it decoded cleanly."""
    try:
        data.decode(enc)
    except UnicodeDecodeError:
        # surrogateescape turns each unreadable byte into one lone surrogate
        return sum(
            1 for c in data.decode(enc, errors="surrogateescape") if "\udc80" <= c <= "\udcff"
        )
    return 0
