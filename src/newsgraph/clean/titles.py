"""Page titles: the site's name a page appends to its headline.

"Harbour gets its breakwater | The Coast Times", "... - BBC News",
"... » Le Monde", "... · Site": a separator between spaces, then up to 60
characters with no separator in them.
"""

from __future__ import annotations

import re

_SITE_SUFFIX = re.compile(r"\s+[|\-–—:·»]\s+[^|\-–—:·»]{1,60}$")


def without_site_suffix(title: str) -> str:
    """The title without a trailing " | Site Name" (the title itself when it has none)."""
    return _SITE_SUFFIX.sub("", title)
