"""The metadata benchmark's scorer: what counts as the same title, authors and day."""

from benchmarks.metadata_score import Found, authors_right, date_right, page_scores, title_right


def test_titles_match_across_case_space_quotes_and_dashes():
    assert title_right(
        "Anthony Lynn: “We needed to win this game”", 'anthony lynn: "we needed to win  this game"'
    )
    assert title_right("Take C.A.R.E. – comwrap", "Take C.A.R.E. - comwrap")
    assert title_right("So Many Ways to Play…and Pay", "So Many Ways to Play...and Pay")
    assert not title_right("Harbour vote splits town - The Courier", "Harbour vote splits town")
    assert not title_right(None, "Harbour vote")


def test_authors_are_a_set_of_names_and_none_for_none_is_right():
    assert authors_right(["Troy L Smith"], ["Troy L. Smith"])
    assert authors_right(["B Roe", "A Doe"], ["A Doe", "B Roe"])
    assert not authors_right(["A Doe", "Associated Press"], ["A Doe"])
    assert authors_right([], [])
    assert not authors_right([], ["A Doe"])


def test_the_day_is_compared_as_written_without_converting_zones():
    assert date_right("2019-11-18T21:24:00-05:00", "2019-11-18T21:24-05:00")
    assert date_right("2019-11-18", "2019-11-18T21:24-05:00")
    assert not date_right("2019-11-19T02:24:00+00:00", "2019-11-18T21:24-05:00")
    assert not date_right(None, "2019-11-18")


def test_page_scores():
    gold = {"title": "Harbour vote", "authors": [], "published": "2019-11-18"}
    found = Found("Harbour Vote", ["Staff"], "2019-11-18T10:00:00")
    assert page_scores(found, gold) == {"title": True, "authors": False, "date": True}
