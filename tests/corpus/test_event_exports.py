"""Event exports, each read back: events.jsonl, Parquet/CSV columns, GDELT 2.0 event rows."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
from py_gdelt.models.events import Event as GdeltEvent
from py_gdelt.parsers.events import EventsParser

from newsgraph.corpus import gdelt_events
from newsgraph.corpus.export import export


def test_events_jsonl_is_every_report_with_its_event_and_evidence(
    event_db, event_stories, tmp_path
):
    assert export(event_db, tmp_path, "events-jsonl") == {"events": 12}
    rows = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    bodies = {a.id: a.body for a, _, _ in event_stories}
    assert all(r["evidence"] == bodies[r["article"]][r["start"] : r["end"]] for r in rows)
    events = [r["event"] for r in rows]
    assert events == sorted(events)  # event by event
    condemn = [r["article"] for r in rows if r["event"] == rows[0]["event"]]
    assert condemn == ["a1", "a2", "a3"]
    claim = next(r for r in rows if r["claimed_by"])
    assert (claim["type"], claim["actor_country"], claim["negated"]) == ("SUPPORT", "IRN", False)
    assert sum(r["negated"] for r in rows) == 1


def test_parquet_and_csv_carry_event_days_and_clusters(event_db, tmp_path):
    counts = export(event_db, tmp_path, "parquet")
    assert (counts["events"], counts["event_clusters"]) == (12, 9)
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert all(e["cluster"] is not None for e in events) and events[0]["day"] == "2023-10-09"
    clusters = pq.read_table(tmp_path / "event_clusters.parquet").to_pylist()
    first = next(c for c in clusters if c["id"] == events[0]["cluster"])
    assert first == {
        "id": first["id"],
        "type": "ACCUSE",
        "actor": "AZE",
        "recipient": "PSE",
        "negated": False,
        "hypothetical": False,
        "future": False,
        "claimed": False,
        "first_day": "2023-10-09",
        "last_day": "2023-10-23",
        "reports": 3,
    }
    export(event_db, tmp_path / "csv", "csv")
    header = (tmp_path / "csv" / "events.csv").read_text().splitlines()[0].split(",")
    assert header[-2:] == ["day", "cluster"]


def _gdelt(event_db, tmp_path) -> tuple[list[list[str]], list[GdeltEvent]]:
    assert export(event_db, tmp_path, "gdelt-events") == {
        "events": 7,
        "events left out, no day known": 0,
    }
    data = (tmp_path / "events.export.csv").read_bytes()
    parsed = [GdeltEvent.from_raw(raw) for raw in EventsParser().parse(data)]
    return [line.split("\t") for line in data.decode().splitlines()], parsed


def test_gdelt_event_rows_are_what_a_gdelt_parser_reads(event_db, tmp_path):
    lines, parsed = _gdelt(event_db, tmp_path)
    assert all(len(line) == len(gdelt_events.COLUMNS) == 61 for line in lines)
    assert len(parsed) == 7
    condemn = next(e for e in parsed if e.event_code == "ACCUSE-disapprove" and e.num_mentions == 3)
    assert str(condemn.date) == "2023-10-09" and condemn.source_url == "https://news.test/a1"
    assert (condemn.event_base_code, condemn.event_root_code, condemn.quad_class) == (
        "ACCUSE-disapprove",
        "ACCUSE",
        3,
    )
    assert (condemn.num_sources, condemn.num_articles, condemn.avg_tone) == (3, 3, -3.0)
    assert condemn.is_root_event and condemn.date_added is not None
    assert condemn.goldstein_scale == -2.0  # PLOVER's score of ACCUSE-disapprove
    assert condemn.actor1.code == "AZELEG" and condemn.actor1.country_code == "AZE"
    assert condemn.actor2.name == "HAMAS"
    assert {e.quad_class for e in parsed} == {1, 3, 4}  # SUPPORT, ACCUSE, ASSAULT


def test_gdelt_columns_where_they_correspond(event_db, tmp_path):
    lines, _ = _gdelt(event_db, tmp_path)
    rows = [dict(zip(gdelt_events.COLUMNS, line, strict=True)) for line in lines]
    ganja = next(r for r in rows if r["ActionGeo_FullName"] == "Ganja")
    assert (ganja["SQLDATE"], ganja["MonthYear"], ganja["Year"]) == ("20231008", "202310", "2023")
    assert ganja["FractionDate"] == f"{2023 + (10 * 30 + 8) / 365:.4f}"
    assert ganja["ActionGeo_Type"] == "4" and ganja["ActionGeo_CountryCode"] == "AJ"  # FIPS
    assert (ganja["ActionGeo_Lat"], ganja["ActionGeo_FeatureID"]) == ("40.0000", "586523")
    assert ganja["Actor1Code"] == "ARMMIL" and ganja["Actor2CountryCode"] == "AZE"
    assert ganja["EventCode"] == "ASSAULT" and ganja["GoldsteinScale"] == "-9.0"  # PLOVER's
    assert ganja["AvgTone"] == "0"  # its article has no tone
    no_actor = [r for r in rows if r["Actor2CountryCode"] == "ISR" and r["Actor1Code"] == ""]
    assert sorted(r["NumArticles"] for r in no_actor) == ["1", "2"]
    # claims and unrealised events are not GDELT events
    assert not {r["EventRootCode"] for r in rows} & {"REJECT"}
    assert all(r["Actor1CountryCode"] != "IRN" for r in rows)


def test_gdelt_rows_count_the_events_left_out_for_want_of_a_day():
    undated = [0]
    reports = [{"event": 1, "day": None}, {"event": 1, "day": None}, {"event": 2, "day": None}]
    assert list(gdelt_events.rows(iter(reports), undated)) == []
    assert undated == [2]  # two events, three reports
