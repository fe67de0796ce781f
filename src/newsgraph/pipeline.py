"""Composes the stages: read -> clean -> nlp -> annotators -> Article.

``extract()`` is a pure function of its input: the same input and options
give the same record in one process, a pool or a Dask cluster.
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.tokens import Doc

from newsgraph import nlp as nlp_mod
from newsgraph.clean import Cleaned
from newsgraph.clean import clean as clean_document
from newsgraph.clean.language import detect_language
from newsgraph.dates.published import parse_published
from newsgraph.errors import AnnotatorError, NoArticleError
from newsgraph.extract import plan, resolved_settings
from newsgraph.options import Options
from newsgraph.read.document import RawDocument, read_bytes, read_text
from newsgraph.record import Article, Provenance, body_id

# Languages the loaded spaCy pipeline can annotate; others get body and metadata only.
ANNOTATED_LANGUAGES = ("en",)


def _raw(source: str | bytes | RawDocument, options: Options) -> RawDocument:
    if isinstance(source, RawDocument):
        return source
    if isinstance(source, bytes | bytearray):
        return read_bytes(bytes(source), options.format, max_bytes=options.max_bytes)
    return read_text(source, options.format, max_bytes=options.max_bytes)


def _article(raw: RawDocument, cleaned: Cleaned, url: str | None, published) -> Article:
    """Assemble the record: what the caller gave wins over what the page says."""
    prov = dict(cleaned.provenance)
    today = date.today()  # today: from Options once pipeline takes it
    pub = parse_published(published, today=today) or parse_published(raw.published, today=today)
    if pub:
        prov["published"] = "input"
    else:
        pub = parse_published(cleaned.published, today=today)
    if raw.title:
        prov["title"] = "input"
    title = raw.title or cleaned.title
    given = {"published": pub, "title": title, "authors": cleaned.authors}
    prov = {k: v for k, v in prov.items() if given.get(k)}  # no source for a missing value
    return Article(
        id=body_id(cleaned.body),
        url=url or raw.url or cleaned.url,
        title=title,
        published=pub,
        language=cleaned.language or detect_language(cleaned.body),
        body=cleaned.body,
        authors=cleaned.authors,
        media=cleaned.media,
        related=cleaned.related,
        links=cleaned.links,
        removed=cleaned.removed,
        provenance=Provenance(**prov),
    )


def extract(
    source: str | bytes | RawDocument,
    url: str | None = None,
    published: str | date | datetime | None = None,
    clean: bool = True,
    format: str | None = None,
    *,
    options: Options | None = None,
) -> Article:
    """Extract one article: a clean body, its metadata and every annotation.

    Args:
        source: plain text or HTML, as str or bytes in any common encoding,
            or a ``RawDocument`` from ``newsgraph.read``.
        url: the page's address, if known.
        published: the publication date (ISO 8601 string, date or datetime);
            overrides what the page says. Relative dates resolve against it.
        clean: remove page furniture; False keeps the input text as the body.
        format: "text" or "html" to skip detection.
        options: an ``Options`` object; explicit keyword arguments win over it.

    Returns:
        The ``Article`` record.

    Example:
        >>> art = newsgraph.extract("Paris -- The minister said on Monday ...")
        >>> art.to_dict()["body"]
    """
    base = options or Options()
    opts = base.model_copy(update={"clean": clean and base.clean, "format": format or base.format})
    raw = _raw(source, opts)
    if url:
        raw.url = url
    cleaned = clean_document(raw, opts.clean)
    if not cleaned.body.strip():
        raise NoArticleError("no article text found in the input")
    article = _article(raw, cleaned, url, published)
    annotate(article, opts)
    return article


def annotatable(article: Article) -> bool:
    """True when the annotators can read the article (a body in a language they know)."""
    return bool(article.body.strip()) and article.language in ANNOTATED_LANGUAGES


def annotate(article: Article, options: Options | None = None, doc: Doc | None = None) -> Article:
    """Run the annotators over the article's body, filling its lists in place.

    ``doc`` is the body already parsed (``newsgraph.nlp.parse_many`` parses a
    batch at once); by default the body is parsed here.

    Raises:
        AnnotatorError: an annotator failed; the message names it.
    """
    options = options or Options()
    if not annotatable(article):
        return article
    steps = plan(options.annotators)
    if not steps:
        return article
    settings = resolved_settings(steps, options.settings)
    if doc is None:
        doc = nlp_mod.parse(article.body, nlp_mod.load(options.model))
    for step in steps:
        try:
            step.run(doc, article, settings[step.name])
        except Exception as exc:  # a bug in one annotator costs one document, with its name
            raise AnnotatorError(f"annotator {step.name!r} failed: {exc}") from exc
    return article
