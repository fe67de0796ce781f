"""The per-article pipeline in two public steps that every runner composes.

    prepare(source, options)        read -> clean -> metadata: an Article with a body
    annotate_many(articles, options) one batched parse, then the annotators

``extract()`` is ``prepare`` then ``annotate_many`` of one. The corpus runners
(one process, a process pool, Dask) only schedule these two steps, so every
runner gives the same records. Both are pure functions of their input and
options: the one clock reading (``Options.today``) is an option.

Every stage runs under its name (``read``, ``clean``, ``metadata``, ``parse``,
``annotate:<name>``): a failure carries that name, the exception's class and
its message (``errors.failure``), which is what a corpus run stores.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime

from newsgraph import nlp as nlp_mod
from newsgraph import pieces
from newsgraph.clean import Cleaned
from newsgraph.clean import clean as clean_document
from newsgraph.clean.article_check import not_an_article, page_text_chars
from newsgraph.clean.language import choose_language
from newsgraph.dates.published import parse_published
from newsgraph.errors import AnnotatorError, NewsgraphError, NoArticleError, StageError
from newsgraph.extract import Annotator, plan, resolved_settings
from newsgraph.options import Options
from newsgraph.read.document import RawDocument, read_bytes, read_path, read_text
from newsgraph.record import Article, Provenance, body_id

# Languages the loaded spaCy pipeline can annotate; others get body and metadata only.
ANNOTATED_LANGUAGES = ("en",)

Source = str | bytes | os.PathLike | RawDocument


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Run a block as the pipeline stage ``name``.

    A ``NewsgraphError`` (the input's fault) passes through with the stage's
    name set; any other exception (a bug) becomes a ``StageError`` naming the
    stage and keeping the original exception as its cause.
    """
    try:
        yield
    except NewsgraphError as exc:
        if exc.stage is None:
            exc.stage = name
        raise
    except Exception as exc:
        if name.startswith("annotate:"):
            raise AnnotatorError(name, exc) from exc
        raise StageError(name, exc) from exc


def read(document: Source, options: Options | None = None, **meta: str | None) -> RawDocument:
    """The raw document for an input: decoded, its form known, its metadata attached.

    ``meta`` (url, title, published, source) is what the input itself says about
    the document, e.g. a JSON Lines record's fields.
    """
    options = options or Options()
    given = {k: v for k, v in meta.items() if v is not None}
    with stage("read"):
        if isinstance(document, os.PathLike):
            document = read_path(document, options.format, max_bytes=options.max_bytes)
        if isinstance(document, RawDocument):
            for key, value in given.items():
                setattr(document, key, value)
            return document
        if isinstance(document, bytes | bytearray):
            data = bytes(document)
            return read_bytes(data, options.format, max_bytes=options.max_bytes, **given)
        return read_text(document, options.format, max_bytes=options.max_bytes, **given)


def _article(raw: RawDocument, cleaned: Cleaned, options: Options, today: date) -> Article:
    """Assemble the record: what the input says wins over what the page says."""
    prov = dict(cleaned.provenance)
    pub = parse_published(raw.published, today=today)
    if pub:
        prov["published"] = "input"
    else:
        pub = parse_published(cleaned.published, today=today)
    if raw.title:
        prov["title"] = "input"
    title = raw.title or cleaned.title
    given = {"published": pub, "title": title, "authors": cleaned.authors}
    prov = {k: v for k, v in prov.items() if given.get(k)}  # no source for a missing value
    language, guessed = choose_language(
        cleaned.body, cleaned.language, options.language, options.default_language
    )
    return Article(
        id=body_id(cleaned.body),
        url=raw.url or cleaned.url,
        title=title,
        published=pub,
        language=language,
        body=cleaned.body,
        authors=cleaned.authors,
        media=cleaned.media,
        related=cleaned.related,
        links=cleaned.links,
        removed=cleaned.removed,
        provenance=Provenance(**prov),
        warnings=[*raw.warnings, *([guessed] if guessed else [])],
    )


def prepare(source: Source, options: Options | None = None) -> Article:
    """Read, clean and assemble one article, without annotating it.

    Args:
        source: plain text or HTML (str or bytes in any common encoding), a
            ``pathlib.Path`` of a page file, or a ``RawDocument`` (from ``read()`` or ``newsgraph.read``) carrying the
            input's own url, title, publication date and source.
        options: ``clean``, ``format``, ``max_bytes``, ``min_body``, ``language``,
            ``default_language`` and ``today`` apply here.

    Raises:
        InputError: the input cannot be read or holds no article text.
    """
    options = options or Options()
    today = options.resolved_today()
    raw = read(source, options)
    with stage("clean"):
        cleaning = options.clean and raw.clean is not False
        cleaned = clean_document(raw, cleaning, today=today)
        if not cleaned.body.strip():
            raise NoArticleError("no article text found in the input")
        if cleaning and (
            why := not_an_article(
                cleaned.body, page_text_chars(raw.text, raw.format), options.min_body
            )
        ):
            raise NoArticleError(why)
    with stage("metadata"):
        return _article(raw, cleaned, options, today)


def annotatable(article: Article) -> bool:
    """True when the annotators can read the article (a body in a language they know)."""
    return bool(article.body.strip()) and article.language in ANNOTATED_LANGUAGES


def _run_steps(article: Article, doc, steps: list[Annotator], settings: dict) -> None:
    for step in steps:
        with stage(f"annotate:{step.name}"):
            step.run(doc, article, settings[step.name])


def annotate_many(
    articles: Sequence[Article],
    options: Options | None = None,
    *,
    on_error: Callable[[int, NewsgraphError], None] | None = None,
) -> list[Article]:
    """Annotate articles in place: their bodies are parsed in one batch, then each
    annotator runs over each parsed body.

    Args:
        articles: prepared articles; those the annotators cannot read (no body, a
            language the pipeline does not know) are returned as they are.
        options: ``annotators``, ``settings`` and ``model`` apply here.
        on_error: called with (index, error) for an article an annotator failed on;
            that article is then left out of the result. Without it, the first
            failure is raised.

    Returns:
        The annotated articles, in input order.

    Raises:
        AnnotatorError: an annotator failed (only when ``on_error`` is not given).
    """
    options = options or Options()
    steps = plan(options.annotators)
    settings = resolved_settings(steps, options.settings)
    todo = [i for i, a in enumerate(articles) if annotatable(a)] if steps else []
    if steps:
        for a in articles:
            if a.body.strip() and a.language not in ANNOTATED_LANGUAGES:
                a.warnings.append(
                    f"not annotated: the text is in {a.language!r} and the annotators "
                    f"read {', '.join(ANNOTATED_LANGUAGES)}"
                )
    failed: set[int] = set()

    def guarded(i: int, work: Callable[[], None]) -> None:
        try:
            work()
        except NewsgraphError as exc:  # a failure costs this article, not the batch
            if on_error is None:
                raise
            on_error(i, exc)
            failed.add(i)

    if todo:
        with stage("parse"):
            nlp = nlp_mod.load(options.model)
        short = [i for i in todo if len(articles[i].body) <= pieces.PIECE_CHARS]
        docs = nlp_mod.parse_many([articles[i].body for i in short], nlp)
        for i in short:
            with stage("parse"):
                doc = next(docs)  # one parsed body held at a time beyond spaCy's batch
            guarded(i, lambda i=i, doc=doc: _run_steps(articles[i], doc, steps, settings))
        assigned = {name for step in steps for name in step.assigns}
        for i in todo:
            if len(articles[i].body) > pieces.PIECE_CHARS:
                guarded(
                    i, lambda i=i: _annotate_in_pieces(articles[i], nlp, steps, settings, assigned)
                )
    return [a for i, a in enumerate(articles) if i not in failed]


def _annotate_in_pieces(
    article: Article, nlp, steps: list[Annotator], settings: dict, assigned: set[str]
) -> None:
    """Annotate a long body one piece at a time, so memory does not grow with its length."""
    merged = pieces.Merger(article, assigned)
    for offset, part in pieces.split(article):
        with stage("parse"):
            doc = nlp_mod.parse(part.body, nlp)
        _run_steps(part, doc, steps, settings)
        del doc  # the next piece's parse need not share memory with this one's
        with stage("merge"):
            merged.add(offset, part)
    merged.finish()


def annotate(article: Article, options: Options | None = None, doc=None) -> Article:
    """Annotate one article in place; ``doc`` is its body already parsed, if at hand.

    Raises:
        AnnotatorError: an annotator failed; the message names it.
    """
    options = options or Options()
    if doc is None:
        return annotate_many([article], options)[0]
    if annotatable(article):
        steps = plan(options.annotators)
        _run_steps(article, doc, steps, resolved_settings(steps, options.settings))
    return article


def extract(
    source: Source,
    url: str | None = None,
    published: str | date | datetime | None = None,
    clean: bool | None = None,
    format: str | None = None,
    *,
    options: Options | None = None,
) -> Article:
    """Extract one article: a clean body, its metadata and every annotation.

    Args:
        source: plain text or HTML, as str or bytes in any common encoding, a
            ``pathlib.Path`` of a page file (a str is always the text itself), or a
            ``RawDocument`` from ``newsgraph.read``.
        url: the page's address, if known.
        published: the publication date (ISO 8601 string, date or datetime);
            overrides what the page says. Relative dates resolve against it.
        clean: remove page furniture; False keeps the input text as the body.
        format: "text" or "html" to skip detection.
        options: an ``Options`` object. An explicit argument wins over it, and it
            wins over the defaults (``Options.merge``).

    Returns:
        The ``Article`` record.

    Example:
        >>> art = newsgraph.extract("Paris -- The minister said on Monday ...")
        >>> art.to_dict()["body"]
    """
    opts = Options.merge(options, clean=clean, format=format)
    if isinstance(published, date | datetime):
        published = published.isoformat()
    raw = read(source, opts, url=url, published=published)
    article = prepare(raw, opts)
    return annotate_many([article], opts)[0]


def warm_up(options: Options | None = None) -> None:
    """Load the spaCy pipeline and every annotator's resources (the gazetteer, lexicons) now,
    by extracting one sentence, so that no document of a run pays for them: a worker
    process calls this as it starts."""
    opts = (options or Options()).model_copy(update={"clean": False})
    extract("The minister said in Paris on Monday that talks would go on.", options=opts)
