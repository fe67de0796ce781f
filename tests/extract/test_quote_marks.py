"""The quote-mark scanner: pairing, nesting, paragraphs, apostrophes and hostile input."""

from __future__ import annotations

from newsgraph.extract.quote_marks import find_marked_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_marked_quotes(text)]


def test_curly_straight_and_newswire_ticks_pair():
    assert quoted("He said “we won” today.") == ["“we won”"]
    assert quoted('"We will," he said, "win."') == ['"We will,"', '"win."']
    assert quoted("''This is it,'' he said. ''More.''") == ["''This is it,''", "''More.''"]
    assert quoted("``Old style,'' he wrote.") == ["``Old style,''"]


def test_inner_offsets_leave_the_marks_out():
    text = "She said “no way.”"
    q = find_marked_quotes(text)[0]
    a, b = q.inner
    assert text[a:b] == "no way."


def test_nesting_three_deep_gives_the_outer_quote_only():
    text = "He said “a ‘b “c” b’ a” and left."
    assert quoted(text) == ["“a ‘b “c” b’ a”"]


def test_single_quotes_stand_alone_outside_double_ones():
    assert quoted("It’s ‘in Their Heads.’") == ["‘in Their Heads.’"]


def test_apostrophes_are_not_quotes():
    assert quoted("The students' books from the '90s aren't rock 'n' roll.") == []
    assert quoted("Don’t worry, it’s O’Brien’s.") == []


def test_quote_over_several_paragraphs_runs_to_its_closing_mark():
    text = "“First part of it.\n\n“Second part.\n\n“Last part,” she said.\n\nAfter."
    found = find_marked_quotes(text)
    assert len(found) == 1
    assert (
        text[found[0].start : found[0].end] == "“First part of it.\n\n“Second part.\n\n“Last part,”"
    )


def test_unclosed_mark_yields_the_quotes_closed_inside_it():
    assert quoted("“A said something. “B is right” and then.") == ["“B is right”"]


def test_quote_that_never_closes_runs_to_the_end_of_its_line():
    text = "She said: “we never close this\n\nNext paragraph has no marks."
    found = find_marked_quotes(text)
    assert [text[q.start : q.end] for q in found] == ["“we never close this"]
    assert found[0].closed is False


def test_stray_closing_marks_are_ignored():
    assert quoted("” and ” with “real quote” here”") == ["“real quote”"]


def test_hostile_input_ends_without_error():
    # 300 marks in one paragraph, marks of every kind, and a very long line: linear time.
    assert len(quoted('"' * 300)) <= 150
    mixed = "“‘\"''``’”" * 300
    find_marked_quotes(mixed)
    long_line = ("word “quote ” ‘x’ " * 20000) + "“open"
    assert len(find_marked_quotes(long_line)) >= 20000


def test_empty_text():
    assert find_marked_quotes("") == []
    assert find_marked_quotes("\n\n\n") == []
