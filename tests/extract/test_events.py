"""The events annotator: PLOVER events with coded actors, flags, claims, places and dates."""

from __future__ import annotations

import pytest

from newsgraph import Options, extract
from newsgraph.extract.events.actors import code_text
from newsgraph.extract.events.lexicon import lexicon, split_actor_code
from newsgraph.record import Article, Event

OPTIONS = Options(clean=False, language="en")


def _events(text: str, **settings) -> tuple[Article, list[Event]]:
    options = (
        OPTIONS
        if not settings
        else Options(clean=False, language="en", settings={"events": settings})
    )
    article = extract(text, options=options)
    return article, article.events


def _one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert found, f"no {kind} in {[(e.type, e.trigger and e.trigger.text) for e in events]}"
    return found[0]


def _codes(actor) -> tuple[str | None, str | None]:
    return (actor.country, actor.sector) if actor is not None else (None, None)


def test_every_event_rests_on_its_sentence_and_trigger() -> None:
    text = (
        "Israeli jets bombed targets in Gaza on Monday. Egypt condemned the strikes. "
        "The two sides agreed to hold talks in Cairo."
    )
    article, events = _events(text)
    assert len(events) >= 3
    ids = {e.id for e in article.entities}
    for e in events:
        assert e.start <= e.trigger.start < e.trigger.end <= e.end
        assert article.body[e.trigger.start : e.trigger.end] == e.trigger.text
        for who in (e.actor, e.recipient, e.claimed_by):
            if who is not None:
                assert article.body[who.start : who.end] == who.text
                assert who.entity is None or who.entity in ids
        assert e.place is None or e.place in ids


def test_an_mps_condemnation_in_a_quote_is_coded_by_its_speaker() -> None:
    text = (
        "Hamas fighters attacked Israeli towns on Saturday. "
        "As Azerbaijani MP Rasim Musabeyli told the Voice of America: "
        "“We strongly condemn the attacks. We stand with Israel.”"
    )
    _, events = _events(text)
    condemn = _one(events, "ACCUSE")
    assert condemn.mode == "disapprove"
    assert condemn.claimed_by is not None and condemn.claimed_by.text == "Rasim Musabeyli"
    assert _codes(condemn.actor) == ("AZE", "LEG")
    assert condemn.recipient is not None and condemn.recipient.country == "PSE"  # Hamas
    support = _one(events, "SUPPORT")
    assert _codes(support.actor) == ("AZE", "LEG")
    assert support.recipient is not None and support.recipient.country == "ISR"


def test_an_assault_has_its_place_its_date_and_a_weapon_mode() -> None:
    text = "Armenian forces shelled the city of Ganja on October 4, 2020, killing civilians."
    article, events = _events(text)
    shelling = _one(events, "ASSAULT")
    assert shelling.mode == "heavy-weapons"
    assert _codes(shelling.actor) == ("ARM", "MIL")
    assert shelling.date == "2020-10-04"
    place = next(p for p in article.places if p.entity == shelling.place)
    assert place.name == "Ganja" and place.country == "AZE"


@pytest.mark.parametrize(
    ("text", "kind", "flag"),
    [
        ("Turkey did not condemn the coup in Niger.", "ACCUSE", "negated"),
        ("Russia and the United States will sign an agreement on missiles.", "AGREE", "future"),
        ("Iran would attack Israel if it struck its nuclear sites.", "THREATEN", "hypothetical"),
    ],
)
def test_what_did_not_or_has_not_yet_happened_is_flagged(text: str, kind: str, flag: str) -> None:
    _, events = _events(text)
    event = _one(events, kind)
    assert getattr(event, flag), event


def test_a_threat_governs_its_content_and_takes_its_mode() -> None:
    _, events = _events("North Korea threatened to attack South Korea.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].mode == "violence"
    assert events[0].actor.country == "PRK" and events[0].recipient.country == "KOR"


def test_what_someone_says_happened_is_their_claim() -> None:
    _, events = _events("Azerbaijani lawmakers said Iran is backing the militants.")
    backing = _one(events, "SUPPORT")
    assert backing.actor.country == "IRN"
    assert _codes(backing.claimed_by) == ("AZE", "LEG")


def test_a_demand_in_a_reported_clause_is_the_speakers_request() -> None:
    _, events = _events("Russia said on Tuesday that Sudan must return the captured helicopter.")
    request = events[0]
    assert request.type == "REQUEST"
    assert request.actor.country == "RUS" and request.recipient.country == "SDN"


def test_a_passive_names_the_actor_in_its_by_phrase() -> None:
    _, events = _events("The convoy was attacked by Taliban fighters near Kandahar.")
    attack = _one(events, "ASSAULT")
    assert attack.actor is not None and attack.actor.country == "AFG"


def test_nature_is_no_actor() -> None:
    _, events = _events(
        "A devastating earthquake struck southern Turkey in February. "
        "Hurricane Helene hit Florida on Thursday, killing 12 people. "
        "The ice broke up early, killing thousands of chicks."
    )
    assert events == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Rebels struck an army base near Goma on Sunday.", "ASSAULT"),
        ("Teachers struck for higher pay in Lagos on Monday.", "PROTEST"),
        ("The two governments struck a deal on Monday.", "AGREE"),
    ],
)
def test_a_strike_with_an_object_is_an_attack_or_a_deal(text: str, kind: str) -> None:
    _, events = _events(text)
    assert [e.type for e in events] == [kind]


def test_states_in_lower_case_are_no_country() -> None:
    assert code_text("all coastal states", lexicon()).country is None
    assert code_text("the States", lexicon()).country == "USA"


def test_no_actor_is_invented() -> None:
    for text in ("Was attacked yesterday near the border.", "They attacked the convoy at dawn."):
        _, events = _events(text)
        assert events and all(e.actor is None for e in events)


def test_negation_inside_a_quote() -> None:
    _, events = _events('The minister said: "We did not condemn the strike."')
    condemn = _one(events, "ACCUSE")
    assert condemn.negated and condemn.claimed_by is not None


def test_an_overlong_sentence_is_skipped_and_said() -> None:
    text = "The army " + " and ".join(["attacked"] * 200) + " the village."
    article, events = _events(text)
    assert events == []
    assert any("not coded" in w for w in article.warnings)


def test_a_long_list_of_countries_is_no_actor_soup() -> None:
    import pycountry

    names = [c.name for c in pycountry.countries][:200]
    text = "Delegates from " + ", ".join(names) + " met in Geneva."
    article, events = _events(text, max_sentence_tokens=2000)
    assert len(events) <= 2  # one sentence, at most two events, no exception


def test_settings_bound_events_per_sentence() -> None:
    text = "Protesters marched on the embassy and police arrested ten of them after clashes."
    _, two = _events(text)
    _, one = _events(text, per_sentence=1)
    assert len(one) == 1 and len(two) >= len(one)


def test_actor_codes_split_country_and_sector() -> None:
    assert _codes(split_actor_code("AFGGOV")) == ("AFG", "GOV")
    assert _codes(split_actor_code("IGOUNO")) == ("IGO", None)
    assert _codes(split_actor_code("ELI")) == (None, "ELI")
    lex = lexicon()
    assert _codes(code_text("Israel's Ambassador", lex)) == ("ISR", "GOV")
    group = "the Working Group for Azerbaijan-Israel Interparliamentary Relations"
    assert _codes(code_text(group, lex)) == ("AZE", "LEG")
    assert code_text("us", lex).country is None  # acronyms only in capitals
    assert code_text("the US", lex).country == "USA"
