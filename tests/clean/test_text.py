"""Text-form cleaning: the learned line classifier plus the metadata rules."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from newsgraph.clean.lines import FEATURE_NAMES, line_features, split_lines
from newsgraph.clean.text import clean_text
from newsgraph.clean.text_meta import bio_name, credit_of, removal_reason
from newsgraph.clean.text_model import LineModel, TreeEnsemble, default_model

PROSE = [
    "The city council voted on Tuesday to expand the harbour, a project that has divided "
    "residents for nearly a decade and will cost more than the town's annual budget.",
    "Supporters say the new berths will bring cruise ships and jobs, while opponents warn "
    "that dredging the bay could harm the fishing grounds that families have worked for years.",
    "The mayor said the decision was not taken lightly and promised that an independent "
    "study of the water quality would be published before any construction begins next spring.",
    "Fishermen who attended the meeting said they would appeal, and a petition against the "
    "plan had gathered several thousand signatures by the end of the evening session.",
    "Construction is expected to take three years, and the council has asked the regional "
    "government to share the cost of new roads leading to the harbour from the motorway.",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


# ---- the canonical seed article --------------------------------------------------------


def test_seed_article(seed_text: str) -> None:
    c = clean_text(seed_text)
    paras = c.body.split("\n\n")
    assert len(paras) == 7
    assert paras[0].startswith("Numerous Azerbaijanis left flowers")
    assert paras[-1].endswith("Iran’s Islamic Republic.")
    for furniture in ("Advertisement", "Share", "SHARE", "Previous article", "Next article"):
        assert furniture not in c.body
    assert "Photo Credit" not in c.body and "An Azerbaijani child" not in c.body
    assert "Rachel Avraham" not in c.body
    assert [(m.credit, m.caption) for m in c.media] == [
        (
            "Ambassador George Deek",
            "An Azerbaijani child outside the Israeli embassy in Baku which is adorned with "
            "flowers and candles, October 9, 2023.",
        )
    ]
    assert [a.name for a in c.authors] == ["Rachel Avraham"]
    bio = c.authors[0].bio
    assert bio.startswith("Rachel Avraham is the CEO") and bio.endswith("College Park.")
    assert [(r.rel, r.title) for r in c.related] == [
        ("previous", "Man Killed in Terror Attack in Northern Israel"),
        (
            "next",
            "IDF Evacuates Sderot on Israel’s Southern Border, as Foreign Ambassadors "
            "Forced to Flee Rocket Fire",
        ),
    ]
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["Advertisement"] == "ad"
    assert reasons["SHARE"] == "share"
    assert reasons["Share this article on WhatsApp:"] == "share"
    assert reasons["Photo Credit: Ambassador George Deek"] == "credit"


# ---- the rules, on invented pages ------------------------------------------------------


def test_credit_and_caption_next_to_it() -> None:
    text = page(
        "Harbour vote splits town | The Coastal Courier",
        "Home\nNews\nSport\nWeather",
        "Image: Maria Jensen/Coastal Courier\nFishing boats moored in the old harbour at dawn.",
        *PROSE,
        "Copyright 2024 The Coastal Courier. All rights reserved.",
    )
    c = clean_text(text)
    assert [(m.credit, m.caption) for m in c.media] == [
        ("Maria Jensen/Coastal Courier", "Fishing boats moored in the old harbour at dawn.")
    ]
    assert "Fishing boats moored" not in c.body
    assert c.body.split("\n\n") == PROSE


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Photo Credit: Ambassador George Deek", "Ambassador George Deek"),
        ("Credit: Jane Roe", "Jane Roe"),
        ("Photo: John Smith/AFP", "John Smith/AFP"),
        ("(Reuters)", "Reuters"),
        ("Getty Images", "Getty Images"),
        ("Photograph by Ana Lima", "Ana Lima"),
    ],
)
def test_credit_patterns(line: str, credit: str) -> None:
    assert credit_of(line) == credit


def test_credit_patterns_reject_prose() -> None:
    assert credit_of(PROSE[0]) is None
    assert credit_of("The credit union raised its rates again this year.") is None


def test_caption_with_its_credit_in_brackets() -> None:
    c = clean_text(
        page(
            "Harbour vote splits town | The Coastal Courier",
            PROSE[0],
            "Residents gather outside the town hall before the vote (Photo: Lena Berg/Reuters)",
            *PROSE[1:],
            "Terms of use | Privacy policy",
        )
    )
    assert [(m.credit, m.caption) for m in c.media] == [
        ("Lena Berg/Reuters", "Residents gather outside the town hall before the vote")
    ]
    assert c.body.split("\n\n") == PROSE


def test_caption_with_its_credit_after_it() -> None:
    c = clean_text(
        page(
            "Harbour vote splits town | The Coastal Courier",
            *PROSE[:2],
            "Residents gather outside the town hall. Photograph: Lena Berg/Reuters",
            *PROSE[2:],
        )
    )
    assert [(m.credit, m.caption) for m in c.media] == [
        ("Lena Berg/Reuters", "Residents gather outside the town hall.")
    ]
    assert c.body.split("\n\n") == PROSE


# A page as a scraper leaves it: navigation, a headline over its byline and dates, a
# photo, the story cut by an advertisement and a "Read more" link, then the page's foot.
NAVIGATED_PAGE = """Skip to main content
Menu
News
Sport
World
Floods force thousands from homes in northern Italy
By Giulia Ferrante, Europe correspondent
Published 3 November 2024, 14:05 GMT
Updated 3 November 2024, 18:40 GMT
Share
Facebook
A rescuer carries a child through floodwater in Faenza. Photo: Luca Bruno/Reuters
More than 4,000 people were evacuated from their homes in Emilia-Romagna on Sunday after \
torrential rain caused rivers to burst their banks for the second time in 18 months.
The regional president said the situation in Faenza and Lugo was "extremely serious".
Advertisement
The civil protection agency said 220mm of rain had fallen on parts of the foothills.
"We have never seen water rise this fast," said Marco Rinaldi, 62, a farmer.
Read more: Italy's floods: how climate change is making them worse
Prime Minister Giorgia Meloni said she would visit the area on Monday.
Sign up for our Europe newsletter
Giulia Ferrante is our Europe correspondent, based in Rome. She previously reported from Athens.
Most read
© 2024 The Daily Record Ltd. All rights reserved.
"""


def test_a_page_that_opens_with_navigation() -> None:
    c = clean_text(NAVIGATED_PAGE.replace("\\\n", ""))
    assert c.title == "Floods force thousands from homes in northern Italy"
    assert c.published == "2024-11-03"  # the first publication, not the update
    assert [(m.credit, m.caption) for m in c.media] == [
        ("Luca Bruno/Reuters", "A rescuer carries a child through floodwater in Faenza.")
    ]
    body = c.body.split("\n\n")
    assert len(body) == 5 and body[0].startswith("More than 4,000")
    assert body[-1].startswith("Prime Minister Giorgia Meloni")  # the story resumes


def test_a_page_opening_with_navigation_takes_the_headline_over_the_byline() -> None:
    c = clean_text(
        page(
            "Skip to main content",
            "Menu",
            "Harbour vote splits the town",
            "By Lena Berg, local reporter",
            "Published 3 November 2024, 14:05 GMT",
            "Updated 4 November 2024, 09:00 GMT",
            *PROSE,
        )
    )
    assert c.title == "Harbour vote splits the town"
    assert c.published == "2024-11-03"  # the first publication, not the update
    assert c.body.split("\n\n") == PROSE


@pytest.mark.parametrize(
    ("header", "day"),
    [
        # the date line under a headline the classifier keeps, with the site's "ago"
        (
            ["Harbour vote splits the town", "by Lena Berg", "Nov 19, 2019 at 9:08 GMT 1 day ago"],
            "2019-11-19",
        ),
        # a byline that carries the day
        (
            ["Harbour vote splits the town", "Written by Lena Berg on November 14, 2019"],
            "2019-11-14",
        ),
        # a masthead's date of today above the headline, the story's own below it
        (
            [
                "Wednesday, November 20, 2019",
                "Menu",
                "Harbour vote splits the town",
                "By Lena Berg",
                "Nov. 19, 2019 8:03 am ET",
            ],
            "2019-11-19",
        ),
    ],
)
def test_the_published_day_from_the_article_header(header: list[str], day: str) -> None:
    c = clean_text(page(*header, *PROSE))
    assert c.published == day
    assert c.body.split("\n\n")[-len(PROSE) :] == PROSE


@pytest.mark.parametrize(
    ("line", "authors", "day"),
    [
        ("Tom Krisher, AP Auto Writer", ["Tom Krisher"], "2019-11-20"),
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", ["Chris Davies"], "2019-11-19"),
        ("Catherine Shu @catherineshu / 2 days", ["Catherine Shu"], "2019-11-20"),
        ("Priya Raghavan", ["Priya Raghavan"], "2019-11-20"),  # given names of the world
        ("Adaeze Nwosu | Lagos | Nov 19, 2019", ["Adaeze Nwosu"], "2019-11-19"),
        ("Hiroshi Tanaka and Anjali Menon", ["Hiroshi Tanaka", "Anjali Menon"], "2019-11-20"),
        # not a byline: no given name opens it, or too many words for a name
        ("Harbour Authority Board", [], "2019-11-20"),
        ("Miguel Bernal North Diving", [], "2019-11-20"),
    ],
)
def test_a_byline_without_by_under_the_headline(line: str, authors: list[str], day: str) -> None:
    c = clean_text(
        page(
            "Harbour vote splits the town | The Coastal Courier",
            "Menu",
            "Harbour vote splits the town",
            line,
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            *PROSE,
        )
    )
    assert (c.title, [a.name for a in c.authors]) == ("Harbour vote splits the town", authors)
    assert c.published == (day if authors else "2019-11-20")
    assert c.body.split("\n\n")[-len(PROSE) :] == PROSE


def test_previous_next_run_together_and_related_prefix() -> None:
    c = clean_text(
        page(
            "Harbour vote splits town | The Coastal Courier",
            *PROSE,
            "Previous postWhy the tide tables changed this year",
            "Next story: Ferry timetable cut for the winter",
            "Related: Council approves new bike lanes on the seafront",
        )
    )
    assert [(r.rel, r.title) for r in c.related] == [
        ("previous", "Why the tide tables changed this year"),
        ("next", "Ferry timetable cut for the winter"),
        ("related", "Council approves new bike lanes on the seafront"),
    ]
    assert c.body.split("\n\n") == PROSE
    assert {r.reason for r in c.removed} == {"title", "related"}


def test_titles_under_a_related_heading() -> None:
    c = clean_text(
        page(
            "Harbour vote splits town | The Coastal Courier",
            *PROSE,
            "Related Articles",
            "Ferry timetable cut for the winter months",
            "Council approves new bike lanes on the seafront",
            "Copyright 2024 The Coastal Courier",
        )
    )
    assert [(r.rel, r.title) for r in c.related] == [
        ("related", "Ferry timetable cut for the winter months"),
        ("related", "Council approves new bike lanes on the seafront"),
    ]
    assert c.body.split("\n\n") == PROSE


def test_gallery_links_are_not_credits() -> None:
    assert credit_of("Photos: Million-dollar cars for auction") is None
    assert credit_of("Video: Storm hits the coast") is None
    assert credit_of("Photo: Gene Smith") == "Gene Smith"


def test_byline_and_bio_after_the_article() -> None:
    bio = (
        "Tom Berger is a reporter for the Coastal Courier covering local politics. He "
        "previously worked as an editor in Hamburg and studied journalism in Berlin."
    )
    c = clean_text(
        page(
            "Harbour vote splits town",
            "By Tom Berger For The Coastal Courier",
            *PROSE,
            "Share on Facebook",
            bio,
        )
    )
    assert [(a.name, a.outlet, a.bio) for a in c.authors] == [
        ("Tom Berger", "The Coastal Courier", bio)
    ]
    assert c.provenance["authors"] == "byline"
    assert c.body.split("\n\n") == PROSE
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons[bio] == "bio"
    assert reasons["By Tom Berger For The Coastal Courier"] == "byline"


def test_bio_needs_a_name_and_a_description() -> None:
    assert bio_name("Jane Doe is a freelance journalist based in Lisbon.") == "Jane Doe"
    assert bio_name("The council is expected to vote again next year.") is None
    # A person introduced in the story, not described as a writer: not a bio.
    assert bio_name("Anna Weber was seen leaving the building at noon.") is None
    # An outlet describing itself: no pronoun, no role.
    assert bio_name("Medical Xpress covers all medical research advances.") is None


def test_title_from_the_page_title_line() -> None:
    c = clean_text(
        page(
            "Harbour vote splits town - The Coastal Courier",
            "Menu",
            "Harbour vote splits town",
            *PROSE,
        )
    )
    assert c.title == "Harbour vote splits town"
    assert c.provenance["title"] == "text"
    assert "Harbour vote splits town" not in c.body


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "ad"),
        ("Share this article on WhatsApp:", "share"),
        ("We use cookies to improve your experience on our site.", "cookie"),
        ("Subscribe to our newsletter", "subscribe"),
        ("Leave a comment", "comments"),
        ("© 2024 Coastal Media Group. All rights reserved.", "footer"),
        ("Terms of use | Privacy policy", "footer"),
        ("March 3, 2024", "date"),
        ("Weather", "navigation"),
    ],
)
def test_removal_reasons(line: str, reason: str) -> None:
    assert removal_reason(line) == reason


def test_every_dropped_line_is_recorded() -> None:
    text = page(
        "Harbour vote splits town",
        "Menu\nSearch",
        *PROSE,
        "Subscribe to our newsletter",
        "Advertisement",
    )
    c = clean_text(text)
    kept = c.body.split("\n\n")
    dropped = [r.text for r in c.removed]
    assert sorted(kept + dropped) == sorted(ln.text for ln in split_lines(text))


# ---- odd inputs --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n  \n", "Hello", "Just one line of text here."])
def test_empty_and_one_line(text: str) -> None:
    c = clean_text(text)
    assert isinstance(c.body, str)
    assert len(c.body.split("\n\n")) <= 1


def test_page_with_no_prose() -> None:
    text = "\n".join(["Home", "News", "Sport", "Contact us", "Privacy policy", "© 2024"] * 5)
    c = clean_text(text)
    assert c.body == ""
    assert len(c.removed) == 30


def test_two_megabyte_page_in_linear_time() -> None:
    block = page("Home\nNews\nSport", *PROSE, "Advertisement", "Share on Facebook")
    small = block * 20
    big = block * (2_000_000 // len(block))
    t0 = time.perf_counter()
    clean_text(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    c = clean_text(big)
    t_big = time.perf_counter() - t0
    assert len(big) >= 1_900_000 and c.body
    # Linear: 2 MB is ~100x the small page; allow generous noise, forbid quadratic. A
    # ratio of two runs under the same load, not a time: the seconds are benchmarks'.
    assert t_big < 400 * max(t_small, 0.005)


def test_one_huge_line() -> None:
    c = clean_text("word " * 400_000 + "(" * 50_000)
    assert isinstance(c.body, str)


# ---- the model file ----------------------------------------------------------------------


def test_shipped_model_is_json_and_matches_the_features() -> None:
    from importlib import resources

    raw = resources.files("newsgraph").joinpath("data", "text_cleaner.json").read_text("utf-8")
    d = json.loads(raw)
    assert d["features"] == list(FEATURE_NAMES)
    model = default_model()
    x = line_features(split_lines(page(*PROSE, "Advertisement")))
    p = model.scores(x)
    assert p.shape == (len(PROSE) + 1,) and p[:-1].min() > 0.5 > p[-1]


def test_tree_ensemble_walks_to_the_right_leaf() -> None:
    # One stump on feature 1: x1 <= 0.5 -> -1, else +2; baseline 0.25.
    tree = {
        "feature": [1, -1, -1],
        "threshold": [0.5, 0, 0],
        "left": [1, 0, 0],
        "right": [2, 0, 0],
        "value": [0, -1.0, 2.0],
    }
    ens = TreeEnsemble.from_dict({"baseline": 0.25, "depth": 2, "trees": [tree, tree]})
    x = np.array([[9.0, 0.0], [9.0, 1.0]])
    assert ens.raw(x).tolist() == [-1.75, 4.25]


def test_model_rejects_other_features() -> None:
    with pytest.raises(ValueError, match="other line features"):
        LineModel.from_dict({"features": ["a"], "threshold": 0.5, "stage1": {}})


@pytest.mark.parametrize(
    "line",
    [
        "The council voted on Tuesday to close two libraries, the mayor said.",
        "北京市政府周二宣布，将在明年扩大地铁网络，新增三条线路，以缓解交通拥堵问题。",
        "أعلنت وزارة الصحة يوم الثلاثاء عن افتتاح ثلاثة مستشفيات جديدة في العاصمة.",
    ],
)
def test_a_page_that_is_one_sentence_keeps_it_as_the_body(line):
    cleaned = clean_text(line)
    assert cleaned.body == line
    assert cleaned.title is None


def test_a_lone_menu_word_is_not_made_a_body():
    assert clean_text("Home").body == ""


HEADLINED = [
    (
        "Indonesians face fuel price rise",
        "Indonesia's government has confirmed it is considering raising fuel prices by as "
        "much as 30%.\n\nThe price rise would help cut the cost of subsidies, officials said.",
    ),
    (
        "Kidman wins photographer battle",
        "Actress Nicole Kidman has won a court order against two photographers who she says "
        "followed her.\n\nThe order was granted in Sydney on Friday.",
    ),
]


@pytest.mark.parametrize("headline, story", HEADLINED)
def test_a_headline_above_the_story_is_the_title_even_when_it_reads_like_body(headline, story):
    cleaned = clean_text(f"{headline}\n\n{story}\n")
    assert cleaned.title == headline
    assert cleaned.body == story


def test_every_bbc_file_gives_its_headline_as_title():
    """One corpus, one layout, one outcome (the 2,225 BBC files: headline, blank, story)."""
    from ..conftest import SHARED

    folder = SHARED / "corpora" / "bbc"
    if not folder.exists():
        pytest.skip("../shared/corpora/bbc is not present")
    files = sorted(folder.rglob("*.txt"))[::11][:200]
    wrong = []
    for path in files:
        text = path.read_bytes().decode("latin-1")
        headline = text.split("\n", 1)[0].strip()
        cleaned = clean_text(text)
        if cleaned.title is None or cleaned.body.startswith(headline):
            wrong.append(path.name)
    assert not wrong, wrong


def test_a_text_of_sentences_only_loses_none_of_them():
    """A press release or an e-mailed story: no menus, no prompts, only sentences to keep."""
    text = (
        "The city council of Leeds approved its budget on Tuesday after a long debate.\r\n\r\n"
        "Councillor Mary Jones said the decision protected libraries and buses.\r\n"
    )
    cleaned = clean_text(text)
    assert cleaned.body.split("\n\n") == [line for line in text.split("\r\n") if line]
    assert cleaned.removed == []
