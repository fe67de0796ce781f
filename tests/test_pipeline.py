"""The whole pipeline: forms of input, clean=False, language, long texts, publication dates."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import nlp
from newsgraph.errors import InputError, NoArticleError

CLEAN_TEXT = (
    "The city council of Leeds voted on Tuesday to close two libraries.\n\n"
    "Councillor Mary Jones said the decision was painful but necessary."
)


def test_no_clean_keeps_input_as_body():
    art = newsgraph.extract(CLEAN_TEXT, clean=False)
    assert art.body == CLEAN_TEXT
    assert art.removed == []
    for ent in art.entities:
        for m in ent.mentions:
            assert CLEAN_TEXT[m.start : m.end] == m.text


def test_str_and_bytes_give_the_same_record():
    a = newsgraph.extract(CLEAN_TEXT, clean=False)
    b = newsgraph.extract(CLEAN_TEXT.encode("utf-16"), clean=False)
    assert a.to_dict() == b.to_dict()


def test_a_path_is_read_as_the_file_it_names(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text(CLEAN_TEXT, encoding="utf-8")
    a = newsgraph.extract(CLEAN_TEXT, clean=False)
    b = newsgraph.extract(page, clean=False)
    assert b.body == a.body
    assert b.entities == a.entities


def test_a_missing_path_is_an_input_error_naming_it(tmp_path):
    with pytest.raises(InputError, match="missing.txt"):
        newsgraph.extract(tmp_path / "missing.txt")


def test_cp1251_bytes_decode():
    text = "Президент России выступил в Москве с заявлением о бюджете на следующий год."
    art = newsgraph.extract(text.encode("cp1251"), clean=False)
    assert art.body == text
    assert art.language == "ru"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "北京市政府周二宣布，将在明年扩大地铁网络，新增三条线路，以缓解交通拥堵问题。"
            "市长表示，这项工程预计耗资数百亿元。",
            "zh",
        ),
        (
            "أعلنت وزارة الصحة يوم الثلاثاء عن افتتاح ثلاثة مستشفيات جديدة في العاصمة، "
            "وقال الوزير إن المشروع سيخدم آلاف المرضى.",
            "ar",
        ),
    ],
)
def test_non_english_gets_body_and_language(text, lang):
    art = newsgraph.extract(text)
    assert art.body.strip()
    assert art.language == lang
    assert art.quotes == [] and art.entities == []


def test_long_text_is_parsed_in_pieces_with_offsets_intact():
    para = "Officials in Nairobi said on Monday that the new road would open in May. "
    text = "\n\n".join(para * 3 for _ in range(40))
    doc = nlp.parse(text, chunk_chars=1000)
    assert doc.text == text
    assert len(doc.ents) > 40
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    assert nlp.CHUNK_CHARS < nlp.load().max_length


def test_published_argument_wins_and_has_provenance():
    art = newsgraph.extract(CLEAN_TEXT, clean=False, published="2023-10-09")
    assert art.published == "2023-10-09"
    assert art.provenance.published == "input"


def test_page_with_no_article_is_an_error():
    html = (
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(NoArticleError):
        newsgraph.extract(html)


def test_a_failing_annotator_is_named_in_a_one_line_error():
    from newsgraph.errors import AnnotatorError
    from newsgraph.extract import _REGISTRY, annotator

    before = dict(_REGISTRY)

    @annotator("broken")
    def broken(doc, article):
        raise ValueError("boom")

    try:
        with pytest.raises(AnnotatorError, match="annotator 'broken' failed: boom"):
            newsgraph.extract(
                CLEAN_TEXT, clean=False, options=newsgraph.Options(annotators=("broken",))
            )
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(before)


def test_parse_many_keeps_order_and_handles_long_texts():
    texts = ["Short one about Paris.", "x " * (nlp.CHUNK_CHARS // 2 + 10), "Another on Berlin."]
    docs = list(nlp.parse_many(texts))
    assert [d.text for d in docs] == texts


def test_a_future_date_in_the_page_is_dropped_with_its_provenance():
    html = (
        "<html><head><title>Budget vote</title>"
        '<meta property="article:published_time" content="2999-01-01T10:00:00Z">'
        "</head><body><article><h1>Budget vote</h1>"
        + "<p>The council of Leeds approved the budget on Tuesday after a long debate "
        "about libraries, parks and the cost of running the city's buses.</p>"
        * 4
        + "</article></body></html>"
    )
    art = newsgraph.extract(html)
    assert art.published is None and art.provenance.published is None
    assert art.title == "Budget vote" and art.provenance.title is not None
