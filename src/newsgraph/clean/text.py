"""Plain text as a scraper left it -> body + metadata (interim line filter)."""

from __future__ import annotations

import re

from newsgraph.clean import Cleaned
from newsgraph.record import Removed

_SENT_END = re.compile(r"[.!?\"”’)]\s*$")


def clean_text(text: str) -> Cleaned:
    """Keep lines that read like prose; drop the rest."""
    body, removed = [], []
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if len(s.split()) >= 8 and _SENT_END.search(s):
            body.append(s)
        else:
            removed.append(Removed(text=s, reason="boilerplate"))
    return Cleaned(body="\n\n".join(body), removed=removed)
