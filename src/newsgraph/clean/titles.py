"""Page titles: the site's name a page appends to its headline.

"Harbour gets its breakwater | The Coast Times", "... - BBC News",
"... » Le Monde", "... · Site": a separator between spaces, then up to 60
characters with no separator in them.
"""

from __future__ import annotations

import re

_SITE_SUFFIX = re.compile(r"\s+[|\-–—:·»]\s+((?:[^|\-–—:·»]|(?<=\w)-(?=\w)){1,60})$")


def without_site_suffix(title: str) -> str:
    """The title without a trailing " | Site Name" (the title itself when it has none).

    Further short suffixes go too ("Plague in China | Smart News | Smithsonian"), while
    the headline left has words enough not to be a section name itself.
    """
    out = _SITE_SUFFIX.sub("", title)
    while out != title and (m := _SITE_SUFFIX.search(out)):
        if len(m.group(1).split()) > 3 or len(out[: m.start()].split()) < 5:
            break
        out = out[: m.start()]
    return out
