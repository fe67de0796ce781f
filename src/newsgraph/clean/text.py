"""Plain text as a scraper left it -> body + metadata.

Every non-empty line is scored by a learned classifier (``clean.lines`` for
the features, ``clean.text_model`` for the shipped trees): body or furniture.
Generic layout rules (``clean.text_meta``) then turn credits, captions,
related links, bylines, bios and the title into metadata; they win over the
classifier, since a caption or a bio can read like prose. Everything not kept
is recorded in ``removed`` with the kind of furniture it looks like.
"""

from __future__ import annotations

import re

from newsgraph.clean.cleaned import Cleaned
from newsgraph.clean.lines import SENTENCE_END, Line, line_features, split_lines
from newsgraph.clean.text_meta import find_metadata, has_furniture_cue, removal_reason
from newsgraph.clean.text_model import LineModel, default_model
from newsgraph.clean.text_story import all_prose, keep_story
from newsgraph.clean.unwrap import unwrap
from newsgraph.record import Removed

# Score a line naming its own furniture kind ("Share on Facebook") must reach to be kept.
_CUE_CONFIDENCE = 0.8


def _fallback(texts: list[str], probs: list[float], claimed: dict[int, str]) -> int | None:
    """When nothing is kept: the best-scored line that is a sentence, if any.

    A page that is one paragraph (a short note, a wire brief, a CJK or Arabic
    text the classifier has seen little of) still has a body, even when its
    only line was taken for the title.
    """
    candidates = [
        i
        for i, t in enumerate(texts)
        if claimed.get(i) in (None, "title") and len(t) >= 20 and SENTENCE_END.search(t)
    ]
    return max(candidates, key=lambda i: (probs[i], len(texts[i])), default=None)


# Inline furniture that cuts into a story, which goes on after it: an advertisement, a
# photo, a link to another story on the same line as its label ("Read more: ...").
_INTERRUPTIONS = frozenset({"ad", "caption", "credit"})
_INLINE_LINK = re.compile(r"^(?:read more|related|see also|also read|read also)\s*:\s*\S", re.I)
# Words a line needs to be taken for the story going on across an interruption.
_STORY_WORDS = 8


def _story_runs(lines: list[Line], kept: set[int], claimed: dict[int, str]) -> set[int]:
    """Sentences that an interruption parts from a kept line, before or after it ("... said
    Marco Rinaldi. | Read more: ... | Prime Minister Giorgia Meloni said ..."): the classifier
    reads a line by its neighbours, and furniture next to a paragraph pulls its score down.
    A sentence right next to a kept line is left to the classifier."""

    def sentence(i: int) -> bool:
        text = lines[i].text
        return (
            i not in claimed
            and len(text.split()) >= _STORY_WORDS
            and SENTENCE_END.search(text) is not None
            and not has_furniture_cue(text)
        )

    def interruption(i: int) -> bool:
        text = lines[i].text
        return (claimed.get(i) or removal_reason(text)) in _INTERRUPTIONS or _INLINE_LINK.match(
            text
        ) is not None

    found: set[int] = set()
    for start in sorted(kept):
        for step in (-1, 1):
            i, crossed = start + step, False
            while 0 <= i < len(lines) and i not in kept and i not in found:
                if interruption(i):
                    crossed = True
                elif crossed and sentence(i):
                    found.add(i)
                else:
                    break
                i += step
    return found


def clean_text(text: str, model: LineModel | None = None) -> Cleaned:
    """Split scraped text into the article body and its page furniture.

    Args:
        text: the page's visible text, one block per line.
        model: the line classifier; the shipped one by default.

    Returns:
        The body (kept lines joined by blank lines), the metadata found and
        every dropped line with its reason.
    """
    model = model or default_model()
    unwrapped = unwrap(text)
    lines = split_lines(unwrapped.text)
    if not lines:
        return Cleaned(body="")
    probs = model.scores(line_features(lines)).tolist()
    finds = find_metadata(lines, probs, model.threshold)
    plain = unwrapped.plain_layout or all_prose(lines, finds.claimed)
    if plain:
        # A plain-text story (a wire, a database export) carries no photos: a line read
        # as a photo credit is a sign-off ("Reuter"), and the paragraph before it story.
        # Nor does it carry a page's date lines: a dated line is the story's own ("Feb 11, 1987.",
        # a table's "Apr 12 1274 unch").
        finds.claimed = {
            i: r for i, r in finds.claimed.items() if r not in ("credit", "caption", "date")
        }
        finds.media, finds.published = [], None
    # A short line that names its own kind of furniture needs a confident score.
    kept = {
        i
        for i, (line, p) in enumerate(zip(lines, probs, strict=True))
        if i not in finds.claimed
        and p >= model.threshold
        and (p >= _CUE_CONFIDENCE or not has_furniture_cue(line.text))
    }
    if plain:
        kept = keep_story(lines, kept, finds.claimed)
    else:
        kept |= _story_runs(lines, kept, finds.claimed)
    if (
        not kept
        and (best := _fallback([ln.text for ln in lines], probs, finds.claimed)) is not None
    ):
        kept = {best}
        if finds.claimed.get(best) == "title":
            finds.title = None
    body: list[str] = []
    removed: list[Removed] = []
    for i, line in enumerate(lines):
        if i in kept:
            body.append(line.text)
        else:
            reason = finds.claimed.get(i)
            removed.append(Removed(text=line.text, reason=reason or removal_reason(line.text)))
    provenance: dict[str, str] = {}
    if finds.title:
        provenance["title"] = finds.title_source or "text"
    if finds.authors:
        provenance["authors"] = finds.authors_source or "byline"
    if finds.published:
        provenance["published"] = "text"
    return Cleaned(
        body="\n\n".join(body),
        title=finds.title,
        published=finds.published,
        authors=finds.authors,
        media=finds.media,
        related=finds.related,
        removed=removed,
        provenance=provenance,
    )
