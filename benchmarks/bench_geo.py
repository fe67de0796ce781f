"""Toponym resolution on GeoWebNews and LGL: accuracy@161 km, country accuracy, recall.

Two measures per set:
- gold spans: every gold toponym (with coordinates) resolved from its gold
  span, mentions of the same name in a document grouped as one toponym;
- pipeline: spaCy finds the places (doc.ents, or the entities annotator when
  it is installed) and the places annotator resolves them; a gold toponym is
  found when a place mention overlaps its span.

Each mode also scores a baseline in the same run, on the same toponyms, by
the same tally: every toponym resolved to the most populous entry of its
name in the same gazetteer (``Gazetteer.lookup``), without context.

GeoWebNews has no dev split: documents with an even ``file`` number are the
tuning half, odd ones are held out; LGL is held out whole.

Run: python -m benchmarks.bench_geo [--data ../shared/data/geo] [--limit N] [--no-pipeline]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.gazetteer import (
    Mention,
    Toponym,
    distance_km,
    load_gazetteer,
    name_key,
    resolve_toponyms,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "geo"
KM = 161.0


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    cc: str | None  # ISO alpha-2 of the gold place, None for continents and seas


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Gold]


def _country_of(gaz, gid: int | None, lat: float, lon: float) -> str | None:
    """Gold country: from the gold GeoNames id when we hold it, else the nearest town's."""
    if gid is not None:
        for p in gaz.places_by_id.get(gid, ()):
            return p.cc or None
    return gaz.nearest_cc(lat, lon)


def load_geowebnews(path: Path, gaz, half: str, limit: int = 0) -> list[Doc]:
    """One half of GeoWebNews (the first ``limit`` documents; 0: all)."""
    docs: list[Doc] = []
    for art in ET.parse(path).getroot().iter("article"):
        if limit and len(docs) == limit:
            break
        file_no = int(art.get("file"))
        if (half == "tune") != (file_no % 2 == 0):
            continue
        text = art.findtext("text") or ""
        gold = []
        for tp in art.iter("toponym"):
            if not tp.findtext("latitude"):
                continue
            lat, lon = float(tp.findtext("latitude")), float(tp.findtext("longitude"))
            gid = int(tp.findtext("geonamesID")) if tp.findtext("geonamesID") else None
            s, e = int(tp.findtext("start")), int(tp.findtext("end"))
            gold.append(Gold(s, e, text[s:e], lat, lon, _country_of(gaz, gid, lat, lon)))
        docs.append(Doc(f"gwn-{file_no}", text, gold))
    return docs


def load_lgl(path: Path, gaz, limit: int = 0) -> list[Doc]:
    """LGL (the first ``limit`` documents; 0: all)."""
    docs: list[Doc] = []
    for art in ET.parse(path).getroot().iter("article"):
        if limit and len(docs) == limit:
            break
        text = art.findtext("text") or ""
        gold = []
        for tp in art.iter("toponym"):
            tag = tp.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            country = tag.find("country")
            cc = None
            if country is not None and country.get("geonameid"):
                cc = _country_of(gaz, int(country.get("geonameid")), lat, lon)
            elif tag.findtext("fcode") not in ("CONT", "OCN", "SEA"):
                cc = gaz.nearest_cc(lat, lon)
            s, e = int(tp.findtext("start")), int(tp.findtext("end"))
            gold.append(Gold(s, e, text[s:e], lat, lon, cc))
        docs.append(Doc(f"lgl-{art.get('docid')}", text, gold))
    return docs


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    resolved: int = 0
    within: int = 0
    country_total: int = 0
    country_ok: int = 0
    errors: list[float] = field(default_factory=list)

    def add(self, g: Gold, pred) -> None:
        self.found += 1
        if pred is None:
            return
        self.resolved += 1
        km = distance_km(g.lat, g.lon, pred.lat, pred.lon)
        self.errors.append(km)
        self.within += km <= KM
        if g.cc:
            self.country_total += 1
            self.country_ok += pred.cc == g.cc

    def figures(self) -> dict:
        return {
            "gold_toponyms": self.gold,
            "found": self.found,
            "recall": _r(self.found, self.gold),
            "resolved": self.resolved,
            "acc161_found": _r(self.within, self.found),
            "acc161_resolved": _r(self.within, self.resolved),
            "acc161_all_gold": _r(self.within, self.gold),
            "country_acc": _r(self.country_ok, self.country_total),
            "mean_error_km": round(statistics.fmean(self.errors), 1) if self.errors else None,
            "median_error_km": round(statistics.median(self.errors), 1) if self.errors else None,
        }


def _r(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def most_populous(gaz, name: str):
    """The baseline's choice: the most populous place the name denotes, or None."""
    return max(gaz.lookup(name), key=lambda c: c.population, default=None)


def run_gold(docs: list[Doc], gaz, baseline: bool = False) -> dict:
    """Every gold toponym resolved from its gold span, by newsgraph or (baseline) by population."""
    tally = Tally()
    start = time.perf_counter()
    for doc in docs:
        groups: dict[str, list[int]] = {}
        for i, g in enumerate(doc.gold):
            groups.setdefault(name_key(g.text), []).append(i)
        keys = list(groups)
        tops = [
            Toponym(
                tuple(
                    Mention(doc.gold[i].start, doc.gold[i].end, doc.gold[i].text) for i in groups[k]
                )
            )
            for k in keys
        ]
        if baseline:
            choices = [most_populous(gaz, t.mentions[0].text) for t in tops]
        else:
            choices = resolve_toponyms(doc.text, tops, gazetteer=gaz)
        tally.gold += len(doc.gold)
        for k, choice in zip(keys, choices, strict=True):
            for i in groups[k]:
                tally.add(doc.gold[i], choice)
    out = tally.figures()
    out["docs_per_s"] = round(len(docs) / (time.perf_counter() - start), 1)
    return out


def run_pipeline(docs: list[Doc], gaz) -> tuple[dict, dict]:
    """newsgraph's figures and the baseline's, both on the places newsgraph's pipeline detects."""
    from newsgraph import nlp
    from newsgraph.extract import registered
    from newsgraph.record import Article

    available = registered()  # the entities annotator runs first when it is installed
    steps = [available[n] for n in ("entities", "places") if n in available]
    model = nlp.load()
    tally, base = Tally(), Tally()
    total_s = places_s = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        sdoc = nlp.parse(doc.text, model)
        article = Article(body=doc.text, language="en")
        t1 = time.perf_counter()
        for step in steps:
            step.func(sdoc, article)
            t2 = time.perf_counter()
            if step.name == "places":
                places_s += t2 - t1
            t1 = t2
        total_s += t1 - t0  # parse, entities and places
        spans = [(m.start, m.end, p) for p in article.places for m in p.mentions]
        detected = [(s, e) for s, e, _ in spans] + _detected(article, sdoc)
        tally.gold += len(doc.gold)
        base.gold += len(doc.gold)
        for g in doc.gold:
            hit = next((p for s, e, p in spans if s < g.end and g.start < e), None)
            if hit is not None:
                tally.add(g, _Pred(hit.lat, hit.lon, _cc(gaz, hit.country)))
            elif any(s < g.end and g.start < e for s, e in detected):
                tally.found += 1
            span = next(((s, e) for s, e in detected if s < g.end and g.start < e), None)
            if span is not None:
                base.add(g, most_populous(gaz, doc.text[span[0] : span[1]]))
    out = tally.figures()
    out["docs_per_s_places_only"] = round(len(docs) / places_s, 1) if places_s else None
    out["docs_per_s_with_parse"] = round(len(docs) / total_s, 1)
    return out, base.figures()


@dataclass
class _Pred:
    lat: float
    lon: float
    cc: str | None


def _cc(gaz, iso3: str | None) -> str | None:
    return next((a2 for a2, a3 in gaz.iso3.items() if a3 == iso3), None)


def _detected(article, sdoc) -> list[tuple[int, int]]:
    """Every place mention found, resolved or not (an unresolved one counts as found, wrong)."""
    if article.entities:
        return [
            (m.start, m.end)
            for e in article.entities
            if e.type in ("GPE", "LOC", "FAC")
            for m in e.mentions
        ]
    return [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ in ("GPE", "LOC", "FAC")]


def _bench(docs: list[Doc], gaz, pipeline: bool) -> dict:
    res = {
        "docs": len(docs),
        "gold_spans": run_gold(docs, gaz),
        "gold_spans_baseline": run_gold(docs, gaz, baseline=True),
    }
    if pipeline:
        res["pipeline"], res["pipeline_baseline"] = run_pipeline(docs, gaz)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each set")
    ap.add_argument("--no-pipeline", action="store_true", help="gold spans only (no spaCy)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "geo.json")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")

    t0 = time.perf_counter()
    gaz = benchmark_gazetteer()
    load_s = time.perf_counter() - t0
    sets = {
        "geowebnews_tune": load_geowebnews(args.data / "GeoWebNews.xml", gaz, "tune", args.limit),
        "geowebnews_heldout": load_geowebnews(
            args.data / "GeoWebNews.xml", gaz, "heldout", args.limit
        ),
        "lgl_heldout": load_lgl(args.data / "LGL.xml", gaz, args.limit),
    }
    results = {"gazetteer_load_s": round(load_s, 1), "acc_km": KM, "sets": {}}
    for name, docs in sets.items():
        results["sets"][name] = _bench(docs, gaz, not args.no_pipeline)
    _print(results)
    if not args.limit:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


def benchmark_gazetteer():
    """The run-time gazetteer plus two look-ups only the benchmark needs (gold countries)."""
    import numpy as np

    gaz = load_gazetteer()
    by_id: dict[int, list] = {}
    for p in gaz.places:
        by_id.setdefault(p.geonameid, []).append(p)
    towns = [p for p in gaz.places if not p.is_area]
    lat = np.radians([p.lat for p in towns])
    lon = np.radians([p.lon for p in towns])
    xyz = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)

    def nearest_cc(la: float, lo: float) -> str | None:
        a, o = np.radians(la), np.radians(lo)
        v = np.array([np.cos(a) * np.cos(o), np.cos(a) * np.sin(o), np.sin(a)])
        return towns[int(np.argmax(xyz @ v))].cc

    gaz.places_by_id = by_id
    gaz.nearest_cc = nearest_cc
    return gaz


def _print(results: dict) -> None:
    cols = ("recall", "acc161_found", "acc161_all_gold", "country_acc", "mean_error_km")
    print(f"{'set':<20}{'mode':<21}" + "".join(f"{c:>17}" for c in cols) + f"{'docs/s':>9}")
    for name, res in results["sets"].items():
        for mode in ("pipeline", "pipeline_baseline", "gold_spans", "gold_spans_baseline"):
            if mode not in res:
                continue
            r = res[mode]
            speed = r.get("docs_per_s") or r.get("docs_per_s_with_parse") or "-"
            print(
                f"{name:<20}{mode:<21}" + "".join(f"{str(r[c]):>17}" for c in cols) + f"{speed:>9}"
            )


if __name__ == "__main__":
    main()
