"""GKG 2.1 rows read back by gdelt-py's GKG parser and checked against the codebook's rules,
column by column."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from py_gdelt.models.gkg import GKGRecord
from py_gdelt.parsers.gkg import GKGParser

from newsgraph.corpus import gkg
from newsgraph.record import Article, Quote, Span

BODY = (
    "DES MOINES -- Rockets killed 12 people near Tokyo, Japan, on 2 February, and the SEC "
    'fined the bank $3 million in March 2004. "We are shocked & saddened," said John Smith. '
    "Smith said the state of Iowa would send aid in 2005. Crowds at the Manchester Games in "
    "Europe cheered."
)


def _span(text: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text}


def _place(name: str, gid: int | None, feature: str | None, country: str | None, **kw) -> dict:
    return {
        "name": name,
        "geonameid": gid,
        "feature": feature,
        "country": country,
        "lat": kw.get("lat"),
        "lon": kw.get("lon"),
        "mentions": [_span(kw.get("text", name))],
    }


def _date(text: str, value: str, granularity: str) -> dict:
    return {**_span(text), "value": value, "granularity": granularity}


ARTICLE = Article.from_dict(
    {
        "id": "5f0c1d2e3a4b5c6d",
        "url": "https://news.bbc.co.uk/2/hi/asia/1.stm",
        "title": 'Q&A: Japan\'s "new" <plan>, explained?',
        "published": "2005-02-14T09:30:00+01:00",
        "body": BODY,
        "entities": [
            {
                "id": "E1",
                "key": "sec",
                "name": "US Securities Exchange Commission",
                "type": "ORG",
                "mentions": [_span("SEC")],
            },
            {
                "id": "E2",
                "key": "john smith",
                "name": "John Smith",
                "type": "PERSON",
                "mentions": [_span("John Smith"), _span("Smith", 1)],
            },
        ],
        "places": [
            _place("Japan", 1861060, "PCLI", "JPN", lat=36.0, lon=138.0),
            _place("Iowa", 4862182, "ADM1", "USA", lat=42.0, lon=-93.5),
            _place("Tokyo", 1850147, "PPLC", "JPN", lat=35.6895, lon=139.6917),
            _place("Des Moines", 4853828, "PPL", "USA", lat=41.6, lon=-93.6, text="DES MOINES"),
            _place("Europe", 6255148, "CONT", None, lat=48.7, lon=9.1),
            _place("Manchester Games", None, None, "ESP", lat=40.4, lon=-3.7),
        ],
        "dates": [
            _date("2 February", "XXXX-02-02", "day"),
            _date("March 2004", "2004-03", "month"),
            _date("2005", "2005", "year"),
        ],
        "quotes": [
            {**_span('"We are shocked & saddened,"'), "kind": "direct", "cue": "said"},
            {
                **_span("the state of Iowa would send aid in 2005"),
                "kind": "indirect",
                "cue": "said",
            },
        ],
        "tone": {
            "tone": -2.5,
            "positive": 1.25,
            "negative": 3.75,
            "polarity": 5.0,
            "activity": 12.5,
            "self_group": 2.5,
            "words": 80,
        },
        "media": [{"kind": "image", "url": "https://news.bbc.co.uk/img/1.jpg"}],
    }
)
UNDATED = Article(id="0a1b2c3d4e5f6a7b", body="Floods hit the coast.", title=None)


def _columns(article: Article, source: str | None = None) -> dict[str, str]:
    return dict(zip(gkg.COLUMNS, gkg.row(article, source=source), strict=True))


def _blocks(value: str, sep: str = ";") -> list[str]:
    return [b for b in value.split(sep) if b] if value else []


def codebook_problems(row: list[str], body: str) -> list[str]:
    """Every rule of the GKG 2.1 codebook a row breaks, checked against the article's body."""
    problems = []
    if len(row) != 27 or any("\t" in c or "\n" in c for c in row):
        return ["not 27 tab-free columns"]
    c = dict(zip(gkg.COLUMNS, row, strict=True))

    def check(ok: bool, what: str) -> None:
        if not ok:
            problems.append(what)

    check(re.fullmatch(r"\d{14}-T?[0-9A-Za-z]+", c["GKGRECORDID"]) is not None, "GKGRECORDID")
    check(re.fullmatch(r"\d{14}|0", c["V2.1DATE"]) is not None, "V2.1DATE")
    check(c["V2SOURCECOLLECTIONIDENTIFIER"] in "123456", "collection")
    for v1, v2 in zip(_blocks(c["V1COUNTS"]), _blocks(c["V2.1COUNTS"]), strict=False):
        f = v2.split("#")
        check(len(v1.split("#")) == 10 and len(f) == 11, "counts fields")
        check(f[0] in {"KILL", "WOUND", "ARREST", "KIDNAP", "AFFECT", "PROTEST"}, "count type")
        check(f[1].isdigit() and f[10].isdigit(), "count number/offset")
    for block in _blocks(c["V1LOCATIONS"]):
        f = block.split("#")
        check(len(f) == 7 and f[0] in "12345", f"V1 location {block}")
    for block in _blocks(c["V2ENHANCEDLOCATIONS"]):
        f = block.split("#")
        check(len(f) == 9 and f[0] in "12345" and f[8].isdigit(), f"V2 location {block}")
        float(f[5]), float(f[6])
    for col in ("V2ENHANCEDPERSONS", "V2ENHANCEDORGANIZATIONS", "V2.1ALLNAMES"):
        for block in _blocks(c[col]):
            name, offset = block.rsplit(",", 1)
            check(body[int(offset) :].startswith(name), f"{col}: {name!r} not at {offset}")
    for col in ("V1PERSONS", "V1ORGANIZATIONS"):
        check(not re.search(r"[,#]", c[col]), col)
    if c["V1.5TONE"]:
        t = [float(x) for x in c["V1.5TONE"].split(",")]
        check(len(t) == 7 and t[6] == int(t[6]), "tone fields")
        check(abs(t[0] - (t[1] - t[2])) < 1e-3 and abs(t[3] - (t[1] + t[2])) < 1e-3, "tone sums")
    for block in _blocks(c["V2.1ENHANCEDDATES"]):
        res, month, day, year, offset = map(int, block.split("#"))
        expected = {
            3: month and day and year,
            4: month and day and not year,
            2: month and not day and year,
            1: not month and not day and year,
        }
        check(bool(expected.get(res)), f"date resolution {block}")
        check(0 <= offset < len(body), "date offset")
    for block in _blocks(c["V2.1QUOTATIONS"], "#"):
        offset, length, _verb, quote = block.split("|")
        check(body[int(offset) : int(offset) + int(length)].strip() == quote, f"quote {quote}")
    for block in _blocks(c["V2.1AMOUNTS"]):
        amount, obj, offset = block.split(",")
        float(amount)
        check(obj != "" and offset.isdigit(), f"amount {block}")
    ET.fromstring(f"<EXTRAS>{c['V2EXTRASXML']}</EXTRAS>")  # well-formed
    return problems


def test_rows_keep_every_codebook_rule():
    for article in (ARTICLE, UNDATED):
        assert codebook_problems(gkg.row(article), article.body) == []


def test_gdelt_py_reads_the_row_back():
    line = "\t".join(gkg.row(ARTICLE)) + "\n"
    [raw] = list(GKGParser().parse(line.encode()))
    record = GKGRecord.from_raw(raw)
    assert record.date == datetime(2005, 2, 14, 8, 30, tzinfo=UTC)  # converted to UTC
    assert record.source_name == "news.bbc.co.uk" and record.source_collection == 1
    assert [(p.name, p.offset) for p in record.persons] == [
        ("John Smith", BODY.index("John Smith")),
        ("Smith", BODY.index("Smith said")),
    ]
    assert [o.name for o in record.organizations] == ["SEC"]  # the text, not the canonical name
    assert record.tone.tone == -2.5 and record.tone.word_count == 80
    assert {(a.amount, a.object) for a in record.amounts} >= {(12, "people"), (3e6, "dollars")}
    japan, iowa, tokyo, des_moines = record.locations
    assert (japan.geo_type, japan.name, japan.country_code, japan.adm1_code, japan.feature_id) == (
        1,
        "Japan",
        "JA",
        "JA",
        "JA",
    )
    assert (iowa.geo_type, iowa.name, iowa.adm1_code, iowa.feature_id) == (
        2,
        "Iowa, United States",
        "USIA",
        "IA",
    )
    assert (tokyo.geo_type, tokyo.name, tokyo.adm1_code) == (4, "Tokyo, Tokyo, Japan", "JA40")
    assert (des_moines.geo_type, des_moines.adm1_code) == (3, "USIA")
    assert des_moines.name == "Des Moines, Iowa, United States"


def test_undated_row_says_0_and_keeps_its_columns():
    row = _columns(UNDATED)
    assert row["V2.1DATE"] == "0"
    assert row["GKGRECORDID"] == "00000000000000-0a1b2c3d4e5f6a7b"
    assert row["V2SOURCECOLLECTIONIDENTIFIER"] == "2"
    # gdelt-py strips each line before splitting it: the last column is never left empty
    [raw] = list(GKGParser().parse(("\t".join(gkg.row(UNDATED)) + "\n").encode()))
    assert raw.date == "0" and raw.extras_xml == "<PAGE_TITLE></PAGE_TITLE>"


def test_record_id_is_the_article_id_whatever_the_store():
    assert gkg.row(ARTICLE)[0] == gkg.row(ARTICLE, source="elsewhere")[0]
    other = UNDATED.model_copy(update={"id": "ffffffffffffffff"})
    assert gkg.row(other)[0] != gkg.row(UNDATED)[0]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2005-02-14T09:30:00+01:00", "20050214083000"),
        ("2023-10-08T01:30:00+02:00", "20231007233000"),
        ("2023-10-07T12:30:00", "20231007123000"),  # no offset: UTC
        ("2023-10-07", "20231007000000"),
        (None, "0"),
        ("not a date", "0"),
    ],
)
def test_date_is_utc_or_0(published, expected):
    assert gkg.gkg_date(published) == expected


def test_enhanced_dates_use_the_codebook_resolutions():
    row = _columns(ARTICLE)
    feb, march, year = row["V2.1ENHANCEDDATES"].split(";")
    assert feb == f"4#2#2#0#{BODY.index('2 February')}"  # month and day, no year
    assert march == f"2#3#0#2004#{BODY.index('March 2004')}"
    assert year == f"1#0#0#2005#{BODY.index('2005')}"
    full = ARTICLE.model_copy(update={"dates": ARTICLE.dates[:1]})
    full.dates[0] = full.dates[0].model_copy(update={"value": "2005-02-02"})
    assert _columns(full)["V2.1ENHANCEDDATES"].startswith("3#2#2#2005#")


def test_locations_leave_out_continents_and_unresolved_names():
    row = _columns(ARTICLE)
    names = [b.split("#")[1] for b in row["V1LOCATIONS"].split(";")]
    assert names == [
        "Japan",
        "Iowa, United States",
        "Tokyo, Tokyo, Japan",
        "Des Moines, Iowa, United States",
    ]
    assert "Madrid" not in row["V2ENHANCEDLOCATIONS"] and "Europe" not in row["V1LOCATIONS"]


def test_source_is_the_domain_and_quotations_only_direct_ones():
    row = _columns(ARTICLE, source="BBC News")
    assert row["V2SOURCECOMMONNAME"] == "news.bbc.co.uk"
    assert _columns(UNDATED, source="BBC News")["V2SOURCECOMMONNAME"] == "BBC News"
    [quote] = row["V2.1QUOTATIONS"].split("#")
    assert quote.endswith('|said|"We are shocked & saddened,"')


def test_extras_xml_is_escaped_and_keeps_punctuation():
    xml = _columns(ARTICLE)["V2EXTRASXML"]
    assert ET.fromstring(xml).text == ARTICLE.title


def test_tone_counts_amounts_and_images():
    row = _columns(ARTICLE)
    assert row["V1.5TONE"] == "-2.5,1.25,3.75,5,12.5,2.5,80"
    assert row["V1COUNTS"] == "KILL#12#people#0######"
    assert row["V2.1COUNTS"] == f"KILL#12#people#0#######{BODY.index('12 people')}"
    assert f"3000000,dollars,{BODY.index('$3 million')}" in row["V2.1AMOUNTS"].split(";")
    assert row["V2.1RELATEDIMAGES"] == "https://news.bbc.co.uk/img/1.jpg"
    assert _columns(UNDATED)["V1.5TONE"] == ""  # no tone annotated: none written


def test_gkg_codes():
    assert gkg.location_type("PCLI", "FRA") == 1
    assert gkg.location_type("ADM1", "USA") == 2 and gkg.location_type("ADM1", "DEU") == 5
    assert gkg.location_type("PPL", "USA") == 3 and gkg.location_type(None, None) == 4
    assert gkg.fips("DEU") == "GM" and gkg.fips(None) == ""


def test_an_interrupted_quotation_is_its_verbatim_words():
    body = "“We will rebuild,” she said, “and we will do it this year.”"
    quote = Quote(
        start=1,
        end=len(body) - 1,
        text=body[1:-1],
        kind="direct",
        fragments=[
            Span(start=1, end=17, text=body[1:17]),
            Span(start=30, end=len(body) - 1, text=body[30:-1]),
        ],
        cue="said",
    )
    article = Article(id="0a1b2c3d4e5f6a7c", body=body, quotes=[quote])
    [block] = _columns(article)["V2.1QUOTATIONS"].split("#")
    assert block.endswith("|said|We will rebuild, ... and we will do it this year.")
