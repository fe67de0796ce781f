"""Decode one document and tell HTML from plain text.

HTML bytes are decoded with the charset the page declares (BOM, then
``<meta charset>`` or ``http-equiv``), falling back to detection; plain
text bytes try UTF-8 and then detection. Binary data, empty input and
oversized input are refused with a one-line reason.
"""

from __future__ import annotations

import codecs
import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from charset_normalizer import from_bytes

from newsgraph.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    TooLargeError,
)

Format = Literal["text", "html"]

DEFAULT_MAX_BYTES = 20_000_000

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
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
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
_CODEC_ALIASES = {"gb2312": "gbk", "gb_2312": "gbk", "x-gbk": "gbk", "iso-8859-1": "cp1252",
                  "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


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
    meta: dict = field(default_factory=dict)


def detect_format(text: str) -> Format:
    """'html' when the text is markup, else 'text'."""
    head = text[:5000]
    if _HTML_START.match(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 and head.lstrip().startswith("<") else "text"


def _codec(name: str) -> str | None:
    name = name.strip().lower()
    name = _CODEC_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _check_binary(data: bytes) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(f"input is binary ({what}), not text or HTML")
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16/32 without a BOM is rare in the wild; NUL bytes otherwise mean binary.
        if sample.count(b"\x00") > len(sample) // 8 and _utf16_guess(sample):
            return
        raise BinaryInputError("input is binary (contains NUL bytes), not text or HTML")


def _utf16_guess(sample: bytes) -> bool:
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def decode(data: bytes, format: Format | None = None) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding used)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"input starts with a {enc} byte-order mark but is not {enc}") from exc
    _check_binary(data)
    if format != "text":
        m = _META_CHARSET.search(data[:4096])
        if m:
            enc = _codec(m.group(1).decode("ascii", "ignore"))
            if enc:
                try:
                    return data.decode(enc), enc
                except UnicodeDecodeError:
                    pass  # the declaration lies; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("input bytes are in no text encoding that could be detected")
    enc = _codec(best.encoding) or best.encoding
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        text = data.decode(enc, errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 100):
            raise DecodeError(f"input is not valid text in any encoding (best guess {enc})") from None
    return text, enc


def _looks_binary_text(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    ctrl = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return ctrl / len(sample) > 0.05


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
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"input is a damaged gzip file ({exc})") from exc
    if len(data) > max_bytes:
        raise TooLargeError(f"input is {len(data):,} bytes, over the limit of {max_bytes:,}")
    if not data.strip():
        raise EmptyInputError("input is empty")
    text, enc = decode(data, format)
    doc = read_text(text, format, max_bytes=max_bytes, **meta)
    doc.encoding = enc
    return doc


def read_path(
    path: str | Path,
    format: Format | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RawDocument:
    """A RawDocument from a file (.txt, .html, .htm, and their .gz)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not path.is_file():
        raise InputError(f"{path} is not a file")
    if size > max_bytes and not path.name.endswith(".gz"):
        raise TooLargeError(f"{path.name} is {size:,} bytes, over the limit of {max_bytes:,}")
    data = path.read_bytes()
    if format is None:
        name = path.name.lower().removesuffix(".gz")
        if name.endswith((".html", ".htm", ".xhtml")):
            format = "html"
    return read_bytes(data, format, max_bytes=max_bytes, source=str(path))
