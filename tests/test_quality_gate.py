"""Quality gate: a small fixed subset of each benchmark, scored by the benchmark's own functions.

Each test fails when its figure drops below the floor pinned in
tests/quality_floors.json (measured on the same subset, floor a little under
it). The data live in ../shared; without them each test skips with the reason.
The full benchmarks and their figures: benchmarks/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import (
    bench_body_html,
    bench_body_text,
    bench_dates,
    bench_events,
    bench_geo,
    bench_metadata,
    bench_ner,
    bench_quotes,
    polnear,
)
from newsgraph.clean.text import clean_text

FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text("utf-8"))["floors"]


def _need(*paths: Path) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"benchmark data not present: {', '.join(missing)}")


def _check(name: str, value: float) -> None:
    floor = FLOORS[name]["floor"]
    assert value >= floor, (
        f"{name}: {value:.4f} is below its floor {floor} ({FLOORS[name]['subset']})"
    )


def test_body_text() -> None:
    from training import train_text_cleaner as tc

    _need(tc.DEFAULT_PAGES, tc.DEFAULT_TRUTH)
    data = tc.load(tc.DEFAULT_PAGES, tc.DEFAULT_TRUTH)[:20]
    row = bench_body_text.score_system("newsgraph", lambda t: clean_text(t).body, data)
    _check("body_text_f1", row["f1"])


def test_body_html() -> None:
    _need(bench_body_html.DEFAULT_DATA / "ground-truth.json")
    name = "newsgraph clean_html"
    report = bench_body_html.run(
        bench_body_html.DEFAULT_DATA, 20, {name: bench_body_html.SYSTEMS[name]}
    )
    _check("body_html_f1", report["systems"][name]["f1"])


def test_metadata() -> None:
    _need(bench_metadata.DEFAULT_DATA / "ground-truth.json")
    chosen = {"newsgraph": bench_metadata.newsgraph_meta}
    report, _ = bench_metadata.run(
        bench_metadata.DEFAULT_DATA, bench_metadata.DEFAULT_GOLD, 20, chosen
    )
    figures = report["systems"]["newsgraph"]["all"]
    for field in bench_metadata.FIELDS:
        _check(f"metadata_{field}", figures[field])


def test_ner_conll() -> None:
    path = bench_ner.DATA / "ner-conll2003" / "valid.txt"
    _need(path)
    docs = bench_ner.read_conll(path)[:20]
    nlp = bench_ner.newsgraph_pipeline()
    mapping = bench_ner.ONTO_TO_CONLL
    _check("ner_conll_recogniser_f1", bench_ner.evaluate(nlp, docs, mapping)["f1"])
    _check("ner_conll_annotator_f1", bench_ner.evaluate(nlp, docs, mapping, mentions=True)["f1"])


def test_dates() -> None:
    _need(bench_dates.DEFAULT_DATA)
    docs = bench_dates.load(bench_dates.DEFAULT_DATA, 10)
    parses, parse_time = bench_dates.parse_all(docs)
    gold, _ = bench_dates.gold_span_accuracy(docs, True, parses)
    e2e, _ = bench_dates.end_to_end(docs, parses, parse_time)
    _check("dates_gold_span_accuracy", gold["all"]["accuracy"])
    _check("dates_end_to_end_f1", e2e["all"]["relaxed_span_value"]["f1"])


def test_quotes() -> None:
    _need(bench_quotes.DEFAULT_DATA / "dev")
    gold = polnear.load_split(bench_quotes.DEFAULT_DATA, "dev")[:10]
    arts, _ = bench_quotes.extract_all(gold, bench_quotes.annotators())
    direct = bench_quotes.eval_direct(gold, arts, 4)
    attributions = bench_quotes.eval_attributions(gold, arts)
    _check("quotes_direct_4plus_speaker_f1", direct["quote+speaker"]["f1"])
    _check("quotes_attributions_speaker_f1", attributions["content+speaker"]["f1"])


def test_geo() -> None:
    data = bench_geo.DEFAULT_DATA
    _need(data / "GeoWebNews.xml", data / "LGL.xml")
    gaz = bench_geo.benchmark_gazetteer()
    gwn = bench_geo.load_geowebnews(data / "GeoWebNews.xml", gaz, "heldout", limit=8)
    lgl = bench_geo.load_lgl(data / "LGL.xml", gaz, limit=12)
    _check("geo_gwn_gold_spans_acc161", bench_geo.run_gold(gwn, gaz)["acc161_found"])
    _check("geo_gwn_pipeline_acc161", bench_geo.run_pipeline(gwn, gaz)[0]["acc161_found"])
    _check("geo_lgl_pipeline_acc161", bench_geo.run_pipeline(lgl, gaz)[0]["acc161_found"])


def test_events() -> None:
    path = bench_events.DEFAULT_DATA / "plover_gsr_dev.jsonl"
    _need(path)
    gold = bench_events.load_plover(path)[:60]
    arts, _, _ = bench_events.run_pipeline([g["text"] for g in gold])
    scores = bench_events.score(gold, [a.events for a in arts])
    _check("events_plover_event_type", scores["event_type"])
    _check("events_plover_actor_country", scores["actor_country"])
