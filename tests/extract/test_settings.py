"""Named settings of the built-in annotators: described, defaults as shipped, overrides obeyed."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.extract import registered
from newsgraph.extract.dates import DatesSettings, annotate_dates
from newsgraph.extract.entities import EntitiesSettings, annotate_entities
from newsgraph.extract.places import PlacesSettings
from newsgraph.gazetteer import Mention, Ranking, Toponym, resolve_toponyms
from newsgraph.record import Article


def test_every_settings_field_of_every_annotator_is_described():
    tunable = {a.name: a.settings for a in registered().values() if a.settings is not None}
    assert {"entities", "places", "dates"} <= set(tunable)
    for name, model in tunable.items():
        for field, info in model.model_fields.items():
            assert info.description, f"{name}.{field} has no description"


@pytest.mark.parametrize(
    ("model", "defaults"),
    [
        (
            EntitiesSettings,
            {
                "title_window": 12,
                "appositive_window": 12,
                "country_max_tokens": 6,
                "acronym_window": 14,
            },
        ),
        (
            PlacesSettings,
            {
                "feature_bonus": {
                    "CONT": 5.0,
                    "RGN": 4.0,
                    **{
                        code: 4.0
                        for code in ("AIRP", "BAY", "CNL", "DSRT", "GULF", "LK", "LKS", "MT", "MTS")
                        + ("OCN", "PEN", "SEA", "STM", "STRT")
                    },
                    "PCLI": 4.0,
                    "ADM1": 1.0,
                    "ADM2": 0.5,
                    "PPLC": 2.5,
                    "PPL": 0.0,
                },
                "population_weight": 1.3,
                "main_name_bonus": 1.0,
                "city_over_state_population": 1_000_000,
                "country_weight": 4.0,
                "state_weight": 2.0,
                "county_state_weight": 3.0,
                "confident_margin": 1.0,
                "context_passes": 2,
                "min_population_without_context": 5000,
                "facility_min_population": 100_000,
                "backoff_to_focus": True,
                "focus_min_mentions": 2,
                "locate_by_text": True,
                "name_place_min_population": 100_000,
                "other_sense_max_population": 100_000,
            },
        ),
        (
            DatesSettings,
            {"sentence_window": 300, "quarterly_scan": 20_000, "quarterly_min_mentions": 2},
        ),
    ],
)
def test_defaults_are_the_shipped_values(model, defaults):
    assert model().model_dump() == defaults


def test_places_ranking_settings_reach_the_gazetteer():
    text = "New Orleans police closed the Superdome. New Orleans residents cheered."
    town = Toponym((Mention(0, 11, "New Orleans"), Mention(41, 52, "New Orleans")))
    street = Toponym((Mention(30, 39, "Superdome"),), kind="FAC")
    assert resolve_toponyms(text, [town, street])[1] is not None
    assert (
        resolve_toponyms(text, [town, street], ranking=Ranking(backoff_to_focus=False))[1] is None
    )
    assert resolve_toponyms(text, [town, street], ranking=Ranking(focus_min_mentions=3))[1] is None


def test_entities_appositive_window_bounds_the_title_after_a_name():
    body = "George Deek, Israel's ambassador to Azerbaijan, said the embassy would stay open."
    doc = nlp.parse(body)

    def description(settings: EntitiesSettings) -> str | None:
        article = Article(body=body, language="en")
        annotate_entities(doc, article, settings)
        people = [e for e in article.entities if e.name == "George Deek"]
        return people[0].description if people else None

    assert "ambassador" in (description(EntitiesSettings()) or "")
    assert description(EntitiesSettings(appositive_window=3)) is None


def _dates(text: str, settings: DatesSettings) -> dict[str, str]:
    article = Article(body=text, published="2023-10-11", language="en")
    annotate_dates(nlp.load().make_doc(text), article, settings)
    return {d.text: d.value for d in article.dates}


def test_dates_sentence_window_bounds_the_tense_words_read():
    text = "The minister will travel to Paris and sign the treaty there on Friday."
    assert _dates(text, DatesSettings())["Friday"] == "2023-10-13"
    assert _dates(text, DatesSettings(sentence_window=0))["Friday"] == "2023-10-06"


def test_dates_quarterly_threshold_decides_an_earnings_story():
    text = "Quarterly profit rose. The quarter was strong. Sales rose 5% from a year earlier."
    assert _dates(text, DatesSettings())["a year earlier"] == "2022-Q3"
    assert _dates(text, DatesSettings(quarterly_min_mentions=5))["a year earlier"] == "2022"
