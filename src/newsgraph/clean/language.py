"""Language of a body, by py3langid (fast, offline, model loaded once per process)."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text."""
    sample = text[:3000]
    if len(sample.strip()) < 20:
        return None
    lang, _score = py3langid.classify(sample)
    return lang
