"""`newsgraph events`: listing with evidence, filters, --dyads, --scores, --graph, errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_events_print_one_event_per_row_with_its_evidence(event_db):
    result = run("events", "--db", event_db, "--actor", "AZE", "--recipient", "hamas")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2023-11-05  ACCUSE/disapprove  Azerbaijani MPs (AZE/LEG) -> ")
    assert "(1 reports; vg.no)" in lines[0]
    assert lines[3].strip() == "Azerbaijani MPs condemned the attack by Hamas on Israel."
    assert "(3 reports; vg.no)" in lines[2] and len(lines) == 4


def test_events_json_all_reports_and_flags(event_db):
    every = run("events", "--db", event_db, "--type", "accuse", "--all", "--json")
    rows = [json.loads(line) for line in every.stdout.splitlines()]
    assert [r["article"] for r in rows] == ["a4", "a3", "a2", "a1"]
    assert {r["event"] for r in rows[1:]} == {rows[3]["event"]}
    claims = run("events", "--db", event_db, "--include-claims", "--sector", "GOV", "--json")
    assert [json.loads(x)["actor_country"] for x in claims.stdout.splitlines()] == ["IRN"]
    text = run("events", "--db", event_db, "--include-unrealised", "--type", "REJECT")
    assert "[negated, future]" in text.stdout
    late = run("events", "--db", event_db, "--since", "2023-11-01", "--until", "2023-12-01")
    assert late.stdout.count("\n") == 2


def test_dyads_scores_and_graph(event_db):
    dyads = run("events", "--db", event_db, "--dyads")
    assert dyads.stdout.splitlines() == [
        "2023-10     ARM -> AZE  ASSAULT        2 events      2 reports",
        "2023-10     AZE -> PSE  ACCUSE         1 events      3 reports",
        "2023-11     AZE -> PSE  ACCUSE         1 events      1 reports",
    ]
    scores = run("events", "--db", event_db, "--scores", "--by", "all", "--actor", "AZE")
    assert scores.stdout == "-           AZE -> PSE  score -2 (mean -1.00, 2 events)\n"
    graph = run("events", "--db", event_db, "--graph", "--json", "--include-claims")
    edges = [json.loads(line) for line in graph.stdout.splitlines()]
    assert {(e["source"], e["target"], e["type"]) for e in edges} == {
        ("ARM", "AZE", "ASSAULT"),
        ("AZE", "PSE", "ACCUSE"),
        ("IRN", "PSE", "SUPPORT"),
    }


@pytest.mark.parametrize(
    "args,code,message",
    [
        (("--type", "BOMB"), 1, "--type must be one of AGREE"),
        (("--since", "soon"), 1, "--since must be a date"),
        (("--dyads", "--by", "week"), 1, "--by must be one of day, month, year, all"),
        (("--dyads", "--graph"), 2, "choose one of --dyads, --scores and --graph"),
    ],
)
def test_bad_values_are_one_line_errors(event_db, args, code, message):
    result = run("events", "--db", event_db, *args)
    assert result.exit_code == code
    assert result.stderr.startswith("newsgraph: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
