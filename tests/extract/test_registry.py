"""The annotator registry: ordering by requires/assigns, clear errors, fakes in the pipeline."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.errors import NewsgraphError
from newsgraph.extract import _REGISTRY, annotator, plan
from newsgraph.options import Options
from newsgraph.record import Event


@pytest.fixture
def fake_annotators():
    before = dict(_REGISTRY)

    @annotator("fake_consumer", requires=("fake_things",), assigns=("events",))
    def consumer(doc, article):
        article.events.append(Event(type="CONSULT", start=0, end=len(doc.text)))

    @annotator("fake_producer", assigns=("fake_things",))
    def producer(doc, article):
        article.title = "seen by producer"

    yield
    _REGISTRY.clear()
    _REGISTRY.update(before)


def test_plan_orders_by_requirements(fake_annotators):
    names = [a.name for a in plan(["fake_consumer", "fake_producer"])]
    assert names == ["fake_producer", "fake_consumer"]


def test_plan_names_the_annotator_whose_needs_are_unmet(fake_annotators):
    with pytest.raises(NewsgraphError, match="fake_consumer.*fake_things"):
        plan(["fake_consumer"])


def test_unknown_annotator_is_an_error():
    with pytest.raises(NewsgraphError, match="unknown annotator 'nope'"):
        plan(["nope"])


def test_pipeline_runs_chosen_annotators_only(fake_annotators):
    text = "The mayor of Leeds opened the new library on Tuesday morning."
    opts = Options(annotators=("fake_consumer", "fake_producer"))
    art = newsgraph.extract(text, clean=False, options=opts)
    assert art.title == "seen by producer"
    assert [e.type for e in art.events] == ["CONSULT"]
    assert art.entities == [] and art.quotes == []


def test_every_option_is_documented():
    for name, field in Options.model_fields.items():
        assert field.description, f"Options.{name} has no help text"


def test_settings_reach_the_annotator_and_are_validated(fake_annotators):
    from pydantic import BaseModel, Field

    class Knobs(BaseModel):
        window: int = Field(3, description="How far to look.")

    seen = []

    @annotator("fake_tunable", assigns=("fake_knobs",), settings=Knobs)
    def tunable(doc, article, settings):
        seen.append(settings.window)

    text = "The mayor of Leeds opened the new library on Tuesday morning."
    newsgraph.extract(text, clean=False, options=Options(annotators=("fake_tunable",)))
    opts = Options(annotators=("fake_tunable",), settings={"fake_tunable": {"window": 7}})
    newsgraph.extract(text, clean=False, options=opts)
    assert seen == [3, 7]
    bad = Options(annotators=("fake_tunable",), settings={"fake_tunable": {"window": "wide"}})
    with pytest.raises(NewsgraphError, match="fake_tunable.*window"):
        newsgraph.extract(text, clean=False, options=bad)
    stray = Options(annotators=("fake_tunable",), settings={"quotes": {"x": 1}})
    with pytest.raises(NewsgraphError, match="do not run: quotes"):
        newsgraph.extract(text, clean=False, options=stray)
