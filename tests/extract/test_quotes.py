"""The quotes annotator: direct, indirect and mixed quotes with speaker, role, cue, venue and entity."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import Options
from newsgraph.extract import plan
from newsgraph.extract.quotes import annotate_quotes, find_quotes
from newsgraph.nlp import load, parse
from newsgraph.record import Article, Entity, Quote, Span


@pytest.fixture(scope="module")
def nlp():
    return load()


def quotes_of(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    return find_quotes(parse(text, load()), entities)


def entity(eid: str, name: str, type_: str, body: str, description: str | None = None) -> Entity:
    """An entity with a mention at every occurrence of its name in body."""
    mentions, at = [], body.find(name)
    while at >= 0:
        mentions.append(Span(start=at, end=at + len(name), text=name))
        at = body.find(name, at + 1)
    return Entity(
        id=eid, key=name.lower(), name=name, type=type_, description=description, mentions=mentions
    )


def only(found: list[Quote], kind: str | None = None) -> Quote:
    chosen = [q for q in found if kind is None or q.kind == kind]
    assert len(chosen) == 1, chosen
    return chosen[0]


def test_registered_after_entities():
    names = [a.name for a in plan(("quotes", "entities"))]
    assert names.index("entities") < names.index("quotes")


def test_quote_with_pre_name_role_cue_and_venue(nlp):
    text = "As Azerbaijani MP Rasim Musabeyli told the Voice of America: “We strongly condemn the attacks.”"
    q = only(quotes_of(text))
    assert (q.kind, q.text) == ("direct", "We strongly condemn the attacks.")
    assert text[q.start : q.end] == q.text
    assert q.speaker.text == "Rasim Musabeyli"
    assert text[q.speaker.start : q.speaker.end] == "Rasim Musabeyli"
    assert (q.role, q.cue, q.venue) == ("Azerbaijani MP", "told", "Voice of America")


def test_title_with_a_place_before_the_name(nlp):
    text = (
        "Israel’s Ambassador to Azerbaijan George Deek tweeted: “Thank you to the people of Baku.”"
    )
    q = only(quotes_of(text))
    assert q.speaker.text == "George Deek"
    assert (q.role, q.cue, q.venue) == ("Israel’s Ambassador to Azerbaijan", "tweeted", "Twitter/X")


def test_organisation_statement_and_they_added_resolve_to_it(nlp):
    text = (
        "The Working Group for Azerbaijan-Israel Interparliamentary Relations issued a statement "
        "saying: “We condemn the attacks against Israel from the Gaza Strip.”\n\n"
        "They added: “We stand firmly with Israel.”"
    )
    ents = [
        entity(
            "E1", "Working Group for Azerbaijan-Israel Interparliamentary Relations", "ORG", text
        ),
        entity("E2", "Israel", "GPE", text),
        entity("E3", "Gaza Strip", "GPE", text),
    ]
    first, second = quotes_of(text, ents)
    assert first.speaker.text.endswith(
        "Working Group for Azerbaijan-Israel Interparliamentary Relations"
    )
    assert (first.cue, first.venue, first.speaker.entity) == (
        "issued a statement saying",
        "a statement",
        "E1",
    )
    assert (second.speaker.text, second.cue, second.speaker.entity) == ("They", "added", "E1")


def test_without_entities_the_speaker_has_no_entity(nlp):
    q = only(quotes_of("They added: “We stand firmly with our friends.”"))
    assert q.speaker.text == "They"
    assert q.speaker.entity is None


def test_nominal_speaker_resolves_to_the_person_it_describes(nlp):
    text = (
        "Jane Porter met the minister on Monday.\n\n"
        "“This is a very good day for both of our countries,” the ambassador said."
    )
    ents = [entity("E1", "Jane Porter", "PERSON", text, description="ambassador")]
    q = only(quotes_of(text, ents))
    assert (q.speaker.text, q.speaker.entity) == ("the ambassador", "E1")


def test_quote_split_by_its_attribution_is_one_quote(nlp):
    text = "“We strongly condemn the attack,” she said, “and we will respond to it.”"
    q = only(quotes_of(text))
    assert [f.text for f in q.fragments] == [
        "We strongly condemn the attack,",
        "and we will respond to it.",
    ]
    assert q.speaker.text == "she"


def test_sentence_splits_inside_a_quotation_do_not_cut_it(nlp):
    text = "“This is bad. It is very bad. We will fight it every day,” said Senator Mary Hale."
    q = only(quotes_of(text))
    assert q.text == "This is bad. It is very bad. We will fight it every day,"
    assert q.speaker.text == "Mary Hale"
    assert q.role == "Senator"


def test_quote_over_several_paragraphs(nlp):
    text = (
        "Caddell continued:\n\n"
        "“The health issue is very much a partisan issue.\n\n"
        "“It will decide this race,” he said."
    )
    q = only(quotes_of(text), "direct")
    assert q.text.startswith("The health issue") and q.text.endswith("decide this race,")
    assert q.speaker.text in ("Caddell", "he")


def test_block_quote_after_a_colon_on_the_line_before(nlp):
    text = "Caddell continued:\n\n“The health issue overall is very much a partisan issue.”"
    q = only(quotes_of(text))
    assert (q.speaker.text, q.cue) == ("Caddell", "continued")


def test_dash_attribution_with_role(nlp):
    text = "“We need law and order in every city of this country.” ― John Smith, a voter in Ohio"
    q = only(quotes_of(text))
    assert q.speaker.text == "John Smith"
    assert q.role == "a voter in Ohio"


def test_lead_in_names_the_speaker(nlp):
    text = "From the ministry:\n\n“The border will stay closed until further notice.”"
    q = only(quotes_of(text))
    assert q.speaker.text == "the ministry"


def test_speaker_named_in_the_paragraph_before(nlp):
    text = (
        "Mayor Jane Doe said the city would rebuild the harbour.\n\n"
        "“We will not be defeated by this storm or the next one.”"
    )
    q = only(quotes_of(text), "direct")
    assert q.speaker.text == "Jane Doe"


def test_appositive_role(nlp):
    text = "Hugh Hill, a doctor at the clinic, said: “The ward has been full since Friday.”"
    q = only(quotes_of(text), "direct")
    assert (q.speaker.text, q.role, q.cue) == ("Hugh Hill", "a doctor at the clinic", "said")


def test_venue_from_a_press_conference_and_a_statement(nlp):
    q = only(quotes_of("“We are ready,” the governor said at a press conference."))
    assert q.venue == "a press conference"
    q = only(quotes_of("“We are ready,” the company said in a statement."))
    assert q.venue == "a statement"


def test_indirect_speech_with_that(nlp):
    text = "Flynn said that the generals had been reduced to rubble."
    q = only(quotes_of(text))
    assert q.kind == "indirect"
    assert q.text == "that the generals had been reduced to rubble"
    assert (q.speaker.text, q.cue) == ("Flynn", "said")


def test_a_participle_that_reports_again_is_its_own_attribution(nlp):
    text = "Mr. Reed said he was proud of the new trade deal, adding that it would create jobs in Ohio."
    first, second = quotes_of(text)
    assert (first.kind, first.text, first.cue) == (
        "indirect",
        "he was proud of the new trade deal",
        "said",
    )
    assert (second.text, second.cue) == ("that it would create jobs in Ohio", "adding")
    assert first.speaker.text == second.speaker.text == "Mr. Reed"


def test_according_to(nlp):
    text = "According to the ministry, forty people died in the attack on the port."
    q = only(quotes_of(text))
    assert q.kind == "indirect"
    assert q.text == "forty people died in the attack on the port"
    assert (q.speaker.text, q.cue) == ("the ministry", "according to")


def test_mixed_quote_holds_its_fragment(nlp):
    text = "Trump said the deal was “a total disaster for the country” and walked out."
    q = only(quotes_of(text))
    assert q.kind == "mixed"
    assert "“a total disaster for the country”" in q.text
    assert q.speaker.text == "Trump"


def test_attribution_with_no_speaker_stays(nlp):
    text = "The room went quiet.\n\n“Nobody knows what happens next in this town.”"
    q = only(quotes_of(text))
    assert q.kind == "direct"
    assert q.speaker is None


def test_bad_marks_do_not_stop_the_rest(nlp):
    text = (
        ('He wrote "' * 150)
        + "\n\nShe said: “never closed\n\n“a ‘b “c” b’ a,” he said.\n\n"
        + "“We will win this election,” said Tom Reed."
    )
    found = quotes_of(text)
    last = found[-1]
    assert last.text == "We will win this election,"
    assert last.speaker.text == "Tom Reed"


def test_empty_and_quoteless_documents(nlp):
    assert quotes_of("") == []
    assert quotes_of("The harbour reopened on Monday after repairs.") == []


def test_annotator_fills_the_article(nlp):
    body = "“We are ready for the storm,” the mayor said."
    article = Article(body=body, language="en")
    annotate_quotes(parse(body, nlp), article)
    assert len(article.quotes) == 1
    assert article.quotes[0].speaker.text == "the mayor"


SEED_QUOTES = [
    ("We strongly condemn", "Rasim Musabeyli", "Azerbaijani MP", "told", "Voice of America"),
    ("We condemn unequivocally", "Working Group", None, "issued a statement saying", "a statement"),
    ("We stand firmly", "They", None, "added", None),
    (
        "Thank you to the Azerbaijani",
        "George Deek",
        "Israel’s Ambassador to Azerbaijan",
        "tweeted",
        "Twitter/X",
    ),
]


def test_seed_article_four_quotes(seed_text):
    paragraphs = [p for p in seed_text.split("\n") if p.strip()]
    first = next(i for i, p in enumerate(paragraphs) if p.startswith("Numerous Azerbaijanis"))
    body = "\n\n".join(p for p in paragraphs[first:] if p != "Advertisement")
    body = "\n\n".join(body.split("\n\n")[:7])
    art = newsgraph.extract(body, clean=False, options=Options(annotators=("entities", "quotes")))
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert len(direct) == 4
    for q, (start, speaker, role, cue, venue) in zip(direct, SEED_QUOTES, strict=True):
        assert q.text.startswith(start)
        assert speaker in q.speaker.text
        assert (q.role, q.cue, q.venue) == (role, cue, venue)
    group = direct[1].speaker.entity
    assert group is not None and art.entity(group).type == "ORG"
    assert direct[2].speaker.entity == group
    assert art.entity(direct[3].speaker.entity).name == "George Deek"


def test_long_line_of_quotes_and_cues_ends(nlp):
    text = "".join(f"“Part {i} of it,” he said, adding that it was fine. " for i in range(200))
    found = quotes_of(text)
    direct = [q for q in found if q.kind == "direct"]
    assert len(direct) == 200
    assert all(q.speaker is not None and q.speaker.text == "he" for q in direct)


def test_quoted_title_is_no_quotation(nlp):
    text = (
        "On this weekend’s broadcast of “Fox News Sunday,” Mike Pence said the campaign was strong."
    )
    q = only(quotes_of(text))
    assert (q.kind, q.text, q.speaker.text) == ("indirect", "the campaign was strong", "Mike Pence")


def test_quoted_sentence_in_lower_case_stays(nlp):
    q = only(quotes_of("“We will win it all,” Pence said."))
    assert (q.kind, q.text, q.speaker.text) == ("direct", "We will win it all,", "Pence")


def _cue_spans_match(body: str, quotes: list[Quote]) -> None:
    """Every quote with a cue has its span, and the body there reads as the cue (up to case)."""
    for q in quotes:
        if q.cue is None:
            assert q.cue_start is None and q.cue_end is None
            continue
        assert q.cue_start is not None and q.cue_end is not None, q
        assert body[q.cue_start : q.cue_end].lower().split() == q.cue.lower().split()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“We will win it all,” Pence told reporters on Monday.", "told"),
        ("According to the ministry, the border is calm tonight.", "according to"),
        ("He pointed out that the border was calm.", "pointed out"),
        (
            "The group issued a statement saying: “We condemn the attacks.”",
            "issued a statement saying",
        ),
        ("Mike Pence: Flowers will not be at the debate", ":"),
        ("Sanders repeated his claim that the vote was rigged.", "claim"),
    ],
)
def test_cue_span_covers_the_cue_as_written(nlp, text, cue):
    found = quotes_of(text)
    assert any(q.cue == cue for q in found), found
    _cue_spans_match(text, found)


def test_cue_spans_on_the_seed_article(seed_text):
    art = newsgraph.extract(
        seed_text, clean=False, options=Options(annotators=("entities", "quotes"))
    )
    assert sum(q.cue is not None for q in art.quotes) >= 4
    _cue_spans_match(art.body, art.quotes)


def test_an_inherited_speaker_has_no_cue_span(nlp):
    text = "“We will rebuild the harbour,” the mayor said. “It will take a year.”"
    first, second = quotes_of(text)
    assert (first.cue, text[first.cue_start : first.cue_end]) == ("said", "said")
    assert (second.speaker.text, second.cue, second.cue_start) == ("the mayor", None, None)


def test_a_headline_labelled_with_a_written_work_is_its_statement():
    text = "Poll: Clinton and Trump in dead heat heading into first debate.\n\nThe race is close."
    (q,) = quotes_of(text)
    assert (q.text, q.speaker.text, q.cue) == (
        "Clinton and Trump in dead heat heading into first debate",
        "Poll",
        ":",
    )


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "LONDON — The queen will spend the summer at Balmoral, Buckingham Palace said.",
            "The queen will spend the summer at Balmoral",
            "Buckingham Palace",
        ),
        (
            "SAN JUAN, Puerto Rico (AP) -- The governor said the island would recover.",
            "the island would recover",
            "The governor",
        ),
        (
            "LOS ANGELES, Sept. 28 (UPI) — The show will air next month, the singer said.",
            "The show will air next month",
            "the singer",
        ),
        (
            "BRUSSELS - European leaders promised to spend more on defence.",
            "to spend more on defence",
            "European leaders",
        ),
    ],
)
def test_a_dateline_is_no_part_of_the_content_or_the_speaker(text, content, speaker):
    q = only(quotes_of(text))
    assert (q.text, q.speaker.text) == (content, speaker)


def test_a_dateline_with_a_colon_is_no_speaker():
    """The subcontinent's wires end the dateline with a colon: "NEW DELHI: ..." is no label."""
    text = (
        "NEW DELHI: Monsoon rains will arrive early this year, officials said. The minister agreed."
    )
    q = only(newsgraph.extract(text).quotes)
    assert (q.text, q.speaker.text) == ("Monsoon rains will arrive early this year", "officials")


def test_two_capitals_and_a_dash_are_no_dateline():
    q = only(quotes_of("US - Russia talks will resume in May, the ministry said."))
    assert q.text == "US - Russia talks will resume in May"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Cruz and, later, his aides signaled that they were coming around.", "Cruz"),
    ],
)
def test_a_speaker_ends_with_no_dash_or_dangling_conjunction(text, speaker):
    q = only(quotes_of(text))
    assert q.speaker.text == speaker


def test_a_company_named_by_where_it_is_based_is_the_company_not_the_place():
    body = (
        "Nvidia beat forecasts on Wednesday. The Santa Clara, California-based company said "
        "revenue would rise again."
    )
    art = newsgraph.extract(body, clean=False, options=Options(annotators=("entities", "quotes")))
    [quote] = art.quotes
    assert quote.speaker is not None and quote.speaker.text.endswith("company")
    assert art.entity(quote.speaker.entity).name == "Nvidia"


TRANSCRIPT = (
    "Senator defends farm bill\n\n"
    "WATCH: The senator's full remarks are below.\n\n"
    "Sen. Maria Delgado spoke with host Tom Brennan on Sunday about the farm bill.\n\n"
    "BRENNAN: Senator, the bill has stalled for three months. Why should farmers believe it?\n\n"
    "“DELGADO: Because the votes are there. I think the governor knows it.\n\n"
    "Q: What happens if the bill fails?\n\n"
    "A: Then we start again in January, and farmers lose another season.\n\n"
    "North End: 13 hrs 15 hrs\n"
)


def test_transcript_turns_are_their_labels_quotes():
    art = newsgraph.extract(TRANSCRIPT, clean=False)
    turns = {q.text.split(".")[0]: q for q in art.quotes if q.cue == ":"}
    brennan = turns["Senator, the bill has stalled for three months"]
    assert art.entity(brennan.speaker.entity).name == "Tom Brennan"
    delgado = turns["Because the votes are there"]  # a turn opened by a quote mark
    assert delgado.speaker.text == "DELGADO"
    assert delgado.kind == "direct"  # the writer quotes it: verbatim throughout
    assert [(f.start, f.end) for f in delgado.fragments] == [(delgado.start, delgado.end)]
    assert brennan.kind == "indirect"  # no marks: not scored as a quotation
    assert art.entity(delgado.speaker.entity).name == "Maria Delgado"
    assert (
        turns["Then we start again in January, and farmers lose another season"].speaker.text == "A"
    )
    assert "What happens if the bill fails?" in turns
    # a kicker and a table row name no speaker; a report inside a turn is the turn's
    assert len(turns) == 4, list(turns)
    assert not any(q.cue == "think" for q in art.quotes)


def test_q_and_a_labels_need_both():
    found = quotes_of(
        "Intro line.\n\nA: Then we start again in January, and farmers lose a season."
    )
    assert not any(q.cue == ":" for q in found)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Trump said he would order a review of the nation's defenses and warned against "
            "hackers from China.",
            "he would order a review of the nation's defenses",
        ),
        ("He said he would resign and warned that the party would split.", "he would resign"),
    ],
)
def test_a_second_cue_of_the_speaker_ends_the_first_content(nlp, text, said):
    found = {q.cue: q for q in quotes_of(text)}
    assert found["said"].text == said
    assert found["warned"].speaker.text.lower() in ("trump", "he")
