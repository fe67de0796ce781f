"""Language: a few words are not evidence; the user can say; a text we cannot annotate says so."""

from __future__ import annotations

import json

from click.testing import CliRunner

import newsgraph
from newsgraph.clean.language import choose_language, plainly_english
from newsgraph.cli import app

GERMAN = "Die Regierung hat am Dienstag beschlossen, die Steuern zu senken, wie der Minister sagte."


def test_a_short_text_takes_the_default_language_and_says_so():
    art = newsgraph.extract("October 7, 2023", clean=False, published="2023-10-09")
    assert art.language == "en" and [d.value for d in art.dates] == ["2023-10-07"]
    assert art.warnings and "taken as en" in art.warnings[0]


def test_detection_when_confident_and_the_users_word_over_it():
    assert choose_language(GERMAN, None, None, "en") == ("de", None)
    assert choose_language(GERMAN, None, "en", "en") == ("en", None)
    assert choose_language("Obama said", "fr", None, "en") == ("fr", None)  # the page declares
    lang, why = choose_language("Obama said", None, None, "es")
    assert lang == "es" and "taken as es" in why
    forced = newsgraph.extract(GERMAN, clean=False, options=newsgraph.Options(language="en"))
    assert forced.language == "en" and forced.warnings == []


def test_a_text_in_another_language_says_it_was_not_annotated(tmp_path):
    art = newsgraph.extract(GERMAN, clean=False)
    assert art.language == "de" and art.entities == []
    assert art.warnings == ["not annotated: the text is in 'de' and the annotators read en"]
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--no-clean"])
    assert result.exit_code == 0 and json.loads(result.stdout)["language"] == "de"
    assert result.stderr.startswith(f"newsgraph: warning: {path}: not annotated")


WIRE = (
    "The Bangladesh trade deficit narrowed to 1.91 billion Taka in October from 5.64 billion "
    "in September, the central bank said. Exports rose to 2.3 billion from 2.1 billion and "
    "imports fell, it said, and the bank expects the deficit to narrow again in November as "
    "the price of oil falls."
)
# An Italian paragraph with an English menu around it: English words, but not a fifth.
ITALIAN = (
    "Home | News | Sport | Weather. Il governo ha approvato ieri il decreto sulle pensioni, "
    "che entrerà in vigore il primo gennaio. Secondo il ministro, la riforma riguarda circa "
    "due milioni di lavoratori e sarà finanziata con i risparmi della spesa pubblica. Share "
    "this article on Facebook and Twitter."
)


def test_plain_english_prose_is_english_without_the_model():
    assert plainly_english(WIRE)  # py3langid calls this wire story Nigerian Pidgin
    assert choose_language(WIRE, None, None, "es") == ("en", None)


def test_other_languages_and_short_texts_still_go_to_the_model():
    assert not plainly_english(ITALIAN) and choose_language(ITALIAN, None, None, "en")[0] == "it"
    assert not plainly_english(GERMAN)
    assert not plainly_english("The minister said that the plan was the best of the options.")
