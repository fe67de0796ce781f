"""Event benchmark: PLOVER-coded gold sentences, CASE 2021's classes, and the events' share of time.

    python -m benchmarks.bench_events [--data ../shared/data/events] [--limit N] [--errors]

PLOVER dev (``plover_gsr_dev.jsonl``, one hand-coded event per sentence): each sentence is
run through the whole pipeline (cleaning off). Scored per sentence:
- event type: the predicted event of the gold type if there is one, else the first;
  first event: the first predicted event's type; types per sentence: distinct predicted
  types; mode: on sentences whose gold has a mode, the picked event's mode (the gold uses
  PLOVER 0.5 mode names; ``MODE_ALIASES`` maps them to the codebook's current ones);
- actor (recipient) country: the picked event's actor (recipient) country is one of the
  gold actors' (recipients') codes, on sentences whose gold has one; country+sector: and
  its sector is that gold actor's sector (the first three letters; no sector = none).
The anchor, a stock dictionary coder in PETRARCH2's tradition (the same spaCy parse,
PETRARCH2's CAMEO verb patterns read through CAMEO2PLOVER, the subject and object coded
with the Phoenix actor dictionary, every coded verb an event), runs in the same run with
the same scorer.

CASE 2021 task 2 (``case2021_task2_labeled.tsv``): snippets in 30 ACLED-style classes; our
first event's type against the class's PLOVER counterpart (``CASE_TO_PLOVER``, classes with
none are left out), with the confusion table.

Speed: extract's time over the dev sentences and the CASE snippets, and the share of it
spent in the events and tone annotators.

Prints tables and writes benchmarks/results/events.json. How each figure is measured:
docs/benchmarks/events.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from newsgraph import Options
from newsgraph.extract import plan, resolved_settings
from newsgraph.extract.events.actors import code_text, phrase
from newsgraph.extract.events.lexicon import lexicon
from newsgraph.nlp import load, parse
from newsgraph.pipeline import prepare
from newsgraph.record import Article, Event

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "events"
RESULTS = ROOT / "benchmarks" / "results" / "events.json"
# PLOVER 0.5 mode names in the gold -> the codebook's names.
MODE_ALIASES = {
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "riot-spon": "riot",
    "riot-org": "riot",
    "demo-org": "demo",
    "demo-spon": "demo",
    "assassinate": "targeted",
    "detain": "arrest",
}
# CASE 2021 task 2 classes -> the PLOVER type that covers them (None: no counterpart).
CASE_TO_PLOVER = {
    "ABDUCT_DISSAP": "ASSAULT",
    "AGREEMENT": "AGREE",
    "AIR_STRIKE": "ASSAULT",
    "ARMED_CLASH": "ASSAULT",
    "ARREST": "COERCE",
    "ART_MISS_ATTACK": "ASSAULT",
    "ATTACK": "ASSAULT",
    "CHANGE_TO_GROUP_ACT": None,
    "CHEM_WEAP": "ASSAULT",
    "DISR_WEAP": "COERCE",
    "FORCE_AGAINST_PROTEST": "ASSAULT",
    "GOV_REGAINS_TERIT": "ASSAULT",
    "GRENADE": "ASSAULT",
    "HQ_ESTABLISHED": "MOBILIZE",
    "MOB_VIOL": "PROTEST",
    "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",
    "NON_VIOL_TERRIT_TRANSFER": "RETREAT",
    "OTHER": None,
    "PEACE_PROTEST": "PROTEST",
    "PROPERTY_DISTRUCT": "ASSAULT",
    "PROTEST_WITH_INTER": "PROTEST",
    "REM_EXPLOS": "ASSAULT",
    "SEX_VIOL": "ASSAULT",
    "SUIC_BOMB": "ASSAULT",
    "VIOL_DEMONSTR": "PROTEST",
    # in the file, not in its list of 25 types
    "ATTRIB": None,
    "DIPLO": "CONSULT",
    "MAN_MADE_DISASTER": None,
    "NATURAL_DISASTER": None,
    "ORG_CRIME": None,
}
BEFORE_EVENTS = ("entities", "places", "dates", "quotes")


def load_plover(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _sector(value: str | None) -> str | None:
    return value[:3].upper() if value and value.strip("*") else None


def pick(events: list[Event], gold_type: str) -> Event | None:
    return next((e for e in events if e.type == gold_type), events[0] if events else None)


def _actor_right(actor, golds: list[dict], with_sector: bool) -> bool:
    if actor is None:
        return False
    for g in golds:
        if actor.country == g.get("code"):
            if not with_sector or _sector(actor.sector) == _sector(g.get("sector")):
                return True
    return False


def score(gold: list[dict], predicted: list[list[Event]]) -> dict:
    n = len(gold)
    typed = first = modes = moded = 0
    types = 0
    roles = {k: [0, 0] for k in ("actor", "actor_sector", "recipient", "recipient_sector")}
    for g, events in zip(gold, predicted, strict=True):
        picked = pick(events, g["event"])
        types += len({e.type for e in events})
        typed += picked is not None and picked.type == g["event"]
        first += bool(events) and events[0].type == g["event"]
        gold_mode = (g.get("mode") or "").strip()
        if gold_mode:
            moded += 1
            want = MODE_ALIASES.get(gold_mode, gold_mode)
            modes += picked is not None and picked.type == g["event"] and picked.mode == want
        for role in ("actor", "recipient"):
            golds = [a for a in g.get(role) or [] if a.get("code")]
            if not golds:
                continue
            mine = getattr(picked, role) if picked is not None else None
            roles[role][1] += 1
            roles[role][0] += _actor_right(mine, golds, False)
            roles[f"{role}_sector"][1] += 1
            roles[f"{role}_sector"][0] += _actor_right(mine, golds, True)
    out = {
        "sentences": n,
        "event_type": round(typed / n, 4),
        "first_event": round(first / n, 4),
        "types_per_sentence": round(types / n, 3),
        "mode": round(modes / moded, 4) if moded else None,
        "mode_sentences": moded,
    }
    for key, (right, total) in roles.items():
        out[f"{key}_country" if "sector" not in key else f"{key.split('_')[0]}_country_sector"] = (
            round(right / total, 4) if total else None
        )
    return out


def stock_coder(doc) -> list[Event]:
    """The anchor: every verb PETRARCH2's CAMEO dictionary codes, with Phoenix-coded actors."""
    lex = lexicon()
    from newsgraph.extract.events.triggers import _objects  # the same parse reading

    events = []
    for sent in doc.sents:
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            lemma = tok.lemma_.lower()
            code = next(
                (
                    c
                    for o in _objects(tok)
                    if (c := lex.cameo_patterns.get((lemma, o.lemma_.lower()))) is not None
                ),
                lex.cameo_verbs.get(lemma),
            )
            if code is None:
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            obj = next(iter(_objects(tok)), None)
            events.append(
                Event(
                    type=code.type,
                    mode=code.mode,
                    actor=_phoenix(subj, doc),
                    recipient=_phoenix(obj, doc),
                    start=sent.start_char,
                    end=sent.end_char,
                )
            )
    return events


def _phoenix(tok, doc):
    from newsgraph.record import EventActor

    if tok is None:
        return None
    i, j = phrase(tok)
    text = doc[i:j].text
    code = code_text(text, lexicon())
    return EventActor(
        text=text,
        start=doc[i].idx,
        end=doc[i].idx + len(text),
        country=code.country,
        sector=code.sector,
    )


def run_pipeline(texts: list[str]) -> tuple[list[Article], list, dict[str, float]]:
    """Prepare, parse and annotate; returns articles, docs and seconds per stage."""
    options = Options(clean=False)
    timing: dict[str, float] = defaultdict(float)
    t0 = time.perf_counter()
    arts = [prepare(t, options) for t in texts]
    timing["prepare"] += time.perf_counter() - t0
    nlp = load()
    t0 = time.perf_counter()
    docs = [parse(a.body, nlp) for a in arts]
    timing["parse"] += time.perf_counter() - t0
    steps = plan(None)
    settings = resolved_settings(steps)
    for doc, art in zip(docs, arts, strict=True):
        for step in steps:
            t0 = time.perf_counter()
            step.run(doc, art, settings[step.name])
            timing[step.name] += time.perf_counter() - t0
    return arts, docs, dict(timing)


def case_confusion(path: Path, limit: int | None) -> tuple[dict, dict[str, float]]:
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if len(r) >= 3 and r[0] != "id"][:limit]
    arts, _, timing = run_pipeline([r[1] for r in rows])
    confusion: dict[str, Counter] = defaultdict(Counter)
    right = total = 0
    for r, art in zip(rows, arts, strict=True):
        want = CASE_TO_PLOVER.get(r[2])
        got = art.events[0].type if art.events else "none"
        confusion[r[2]][got] += 1
        if want is not None:
            total += 1
            right += got == want
    result = {
        "snippets": len(rows),
        "mapped": total,
        "accuracy_mapped": round(right / total, 4) if total else None,
        "confusion": {k: dict(v.most_common()) for k, v in sorted(confusion.items())},
    }
    return result, timing


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", action="store_true", help="print the dev sentences coded wrong")
    args = ap.parse_args()
    gold = load_plover(args.data / "plover_gsr_dev.jsonl")[: args.limit]
    arts, docs, timing = run_pipeline([g["text"] for g in gold])
    ours = score(gold, [a.events for a in arts])
    anchor = score(gold, [stock_coder(d) for d in docs])
    print(f"PLOVER dev, {len(gold)} sentences")
    keys = [k for k in ours if k not in ("sentences", "mode_sentences")]
    print(f"{'':28}{'newsgraph':>11}{'stock dictionary coder':>24}")
    for k in keys:
        print(f"{k:28}{str(ours[k]):>11}{str(anchor[k]):>24}")
    if args.errors:
        for g, a in zip(gold, arts, strict=True):
            picked = pick(a.events, g["event"])
            if (
                picked is None
                or picked.type != g["event"]
                or not _actor_right(picked.actor, g["actor"], False)
            ):
                got = [
                    (
                        e.type,
                        e.trigger.text if e.trigger else "",
                        e.actor and (e.actor.text, e.actor.country, e.actor.sector),
                    )
                    for e in a.events
                ]
                gold_actors = [
                    (x.get("actorText"), x.get("code"), x.get("sector")) for x in g["actor"]
                ]
                print(f"\n{g['event']} {g['event_text']!r} {gold_actors}\n  {got}\n  {g['text']}")
    case, case_timing = case_confusion(args.data / "case2021_task2_labeled.tsv", args.limit)
    print(
        f"\nCASE 2021 task 2, {case['snippets']} snippets; first event = mapped class: {case['accuracy_mapped']}"
    )
    for cls, row in case["confusion"].items():
        print(f"  {cls:40} -> {CASE_TO_PLOVER.get(cls) or '-':9} {row}")
    total = Counter(timing) + Counter(case_timing)
    extract_s = sum(total.values())
    share = {k: round(v / extract_s, 4) for k, v in sorted(total.items())}
    events_share = sum(share.get(k, 0) for k in ("events", "tone"))
    print(
        f"\nextract time {extract_s:.1f} s; events+tone share {events_share:.3f}; by stage {share}"
    )
    if args.limit is None:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(
            json.dumps(
                {
                    "plover_dev": {"newsgraph": ours, "stock_dictionary_coder": anchor},
                    "case2021": case,
                    "speed": {
                        "extract_seconds": round(extract_s, 2),
                        "share": share,
                        "events_and_tone_share": round(events_share, 4),
                    },
                },
                indent=2,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
