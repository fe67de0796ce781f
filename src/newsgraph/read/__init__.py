"""Inputs to raw documents: bytes or text in, decoded text and its form out. No NLP here."""

from newsgraph.read.document import RawDocument, detect_format, read_bytes, read_path, read_text

__all__ = ["RawDocument", "detect_format", "read_bytes", "read_path", "read_text"]
