"""One precedence rule for options, a pure pipeline (today is an option), stages named in
failures, and a command line generated from the Options model."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.errors import AnnotatorError, NoArticleError, failure
from newsgraph.options import Options

SCRAPED = (
    "Skip to main content\nHome | World | Business | Sport\n\n"
    "The city council of Leeds voted on Tuesday to close two libraries after a long debate.\n\n"
    "Councillor Mary Jones said the decision was painful but necessary for the budget.\n\n"
    "Share this article on Facebook\nAdvertisement\n"
)

PAGE = (
    "<html><head><title>Budget vote</title>"
    '<meta property="article:published_time" content="2024-06-01T10:00:00Z">'
    "</head><body><article><h1>Budget vote</h1>"
    + "<p>The council of Leeds approved the budget on Tuesday after a long debate "
    "about libraries, parks and the cost of running the city's buses.</p>"
    * 4
    + "</article></body></html>"
)


def test_explicit_argument_wins_over_options_which_win_over_defaults():
    assert Options.merge(Options(clean=False), clean=True).clean is True
    assert Options.merge(Options(clean=False), clean=None).clean is False
    assert Options.merge(None, workers=None).workers is None
    assert Options.merge(Options(batch_size=7), format="html").batch_size == 7
    # extract(clean=True, options=Options(clean=False)) used to be unable to clean
    cleaned = newsgraph.extract(SCRAPED, clean=True, options=Options(clean=False, annotators=()))
    kept = newsgraph.extract(SCRAPED, options=Options(clean=False, annotators=()))
    assert "Skip to main content" not in cleaned.body
    assert kept.body == SCRAPED


def test_today_is_an_option_so_the_record_does_not_depend_on_the_clock():
    early = Options(today=date(2024, 1, 1), annotators=())
    late = Options(today=date(2025, 1, 1), annotators=())
    assert newsgraph.extract(PAGE, options=early).published is None  # after "today": refused
    assert newsgraph.extract(PAGE, options=late).published.startswith("2024-06-01")
    assert (
        newsgraph.extract(PAGE, options=late).to_dict()
        == newsgraph.extract(PAGE.encode(), options=late).to_dict()
    )


def test_prepare_then_annotate_many_is_extract():
    from newsgraph.pipeline import annotate_many, prepare

    opts = Options(today=date(2025, 1, 1))
    texts = [SCRAPED, PAGE]
    batch = annotate_many([prepare(t, opts) for t in texts], opts)
    assert [a.to_dict() for a in batch] == [
        newsgraph.extract(t, options=opts).to_dict() for t in texts
    ]


def test_a_failure_names_its_stage_class_and_message():
    from newsgraph.extract import _REGISTRY, annotator

    with pytest.raises(NoArticleError) as caught:
        newsgraph.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert failure(caught.value) == (
        "NoArticleError",
        "no article text found in the input",
        "clean",
    )
    before = dict(_REGISTRY)

    @annotator("t_keyerror")
    def broken(doc, article):
        raise KeyError("speaker")

    try:
        with pytest.raises(AnnotatorError) as caught:
            newsgraph.extract(SCRAPED, options=Options(annotators=("t_keyerror",)))
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(before)
    kind, reason, stage = failure(caught.value)
    assert (kind, stage) == ("KeyError", "annotate:t_keyerror")
    assert reason == "annotator 't_keyerror' failed: 'speaker'"


def test_annotate_many_reports_a_failure_and_keeps_the_others():
    from newsgraph.extract import _REGISTRY, annotator
    from newsgraph.pipeline import annotate_many, prepare

    before = dict(_REGISTRY)

    @annotator("t_picky")
    def picky(doc, article):
        if "libraries" in article.body:
            raise ValueError("no libraries")
        article.title = "seen"

    opts = Options(annotators=("t_picky",), clean=False)
    try:
        arts = [
            prepare(t, opts)
            for t in (
                "The council of York opened two new parks on Monday.",
                SCRAPED,
                "The rail company said trains to Leeds would run again on Friday.",
            )
        ]
        errors = []
        done = annotate_many(arts, opts, on_error=lambda i, exc: errors.append((i, exc)))
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(before)
    assert [a.title for a in done] == ["seen", "seen"]
    assert [i for i, _ in errors] == [1] and errors[0][1].stage == "annotate:t_picky"


runner = CliRunner()


def test_every_option_is_a_command_line_option_with_its_help():
    corpus = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"}).stdout
    single = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"}).stdout
    for name, field in Options.model_fields.items():
        flag = "--" + name.replace("_", "-")
        assert flag in corpus and field.description.split(";")[0][:30] in corpus, name
        corpus_only = (field.json_schema_extra or {}).get("corpus")
        assert (flag in single) != bool(corpus_only), name


def test_a_bad_option_value_is_a_usage_error_naming_the_option(tmp_path):
    (tmp_path / "a.txt").write_text(SCRAPED)
    bad = runner.invoke(
        app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--workers", "0"]
    )
    assert bad.exit_code == 2 and "--workers" in bad.output
    bad = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--settings", "{oops"])
    assert bad.exit_code == 2 and "--settings" in bad.output


def test_the_run_records_how_it_was_made(tmp_path):
    from newsgraph.corpus.runner import ingest
    from newsgraph.store import open as open_store

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SCRAPED)
    opts = Options(annotators=("entities", "dates"), today=date(2024, 5, 1))
    ingest([tmp_path / "in"], tmp_path / "s.db", options=opts, workers=1)
    with open_store(tmp_path / "s.db") as store:
        made = json.loads(store.runs()[0]["options"])
    assert made["today"] == "2024-05-01" and made["workers"] == 1
    assert made["annotators"] == ["entities", "dates"]
    assert set(made["settings"]) == {"entities", "dates"}


def test_the_store_records_the_stage_class_and_message_of_a_failure(tmp_path, monkeypatch):
    from newsgraph.corpus.runner import ingest
    from newsgraph.extract import _REGISTRY, Annotator
    from newsgraph.store import open as open_store

    def broken(doc, article):
        if "budget" in article.body:
            raise KeyError("speaker")

    monkeypatch.setitem(_REGISTRY, "t_broken", Annotator("t_broken", broken))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SCRAPED)
    (tmp_path / "in" / "b.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    opts = Options(annotators=("t_broken",))
    ingest([tmp_path / "in"], tmp_path / "s.db", options=opts, workers=1)
    with open_store(tmp_path / "s.db") as store:
        errors = {r["location"].rsplit("/", 1)[1]: r for r in store.errors()}
    assert (errors["a.txt"]["stage"], errors["a.txt"]["kind"]) == ("annotate:t_broken", "KeyError")
    assert errors["a.txt"]["reason"] == "annotator 't_broken' failed: 'speaker'"
    assert (errors["b.html"]["stage"], errors["b.html"]["kind"]) == ("clean", "NoArticleError")
