"""Events over a corpus: one event however many reports, filters, dyads, scores, the graph."""

from __future__ import annotations

import pytest

from newsgraph.errors import QueryError
from newsgraph.store import open as open_store


@pytest.fixture
def store(event_db):
    with open_store(event_db) as s:
        yield s


def _clusters(store) -> dict[str, list[tuple[str, int]]]:
    """Each event's reports as (article id, n), by the event's type and first article."""
    rows = store.conn.execute(
        """SELECT e.cluster, a.id, e.n FROM events e JOIN articles a ON a.pk = e.article
           ORDER BY e.cluster, a.pk, e.n"""
    ).fetchall()
    out: dict[int, list] = {}
    for cluster, article, n in rows:
        out.setdefault(cluster, []).append((article, n))
    return {f"{reports[0][0]}:{reports[0][1]}": reports for reports in out.values()}


def test_reports_of_one_event_are_one_event(store):
    events = _clusters(store)
    # a1's condemnation: reworded in a2 a day later, copied in a3 two weeks later
    assert events["a1:0"] == [("a1", 0), ("a2", 0), ("a3", 0)]
    assert events["a4:0"] == [("a4", 0)]  # a month on: another event
    # two attacks in one article, at two places
    assert events["a5:0"] == [("a5", 0)] and events["a5:1"] == [("a5", 1)]
    # no actor: the near-duplicate sentence merges, other words do not
    assert events["a6:0"] == [("a6", 0), ("a7", 0)] and events["a8:0"] == [("a8", 0)]
    # a claim and a negated event stay apart from everything
    assert events["a1:2"] == [("a1", 2)] and events["a1:3"] == [("a1", 3)]
    days = dict(
        store.conn.execute(
            "SELECT a.id || ':' || e.n, e.day FROM events e JOIN articles a ON a.pk = e.article"
        )
    )
    assert days["a5:0"] == "2023-10-08"  # its own date
    assert days["a2:0"] == "2023-10-10"  # the publication day
    first, last, reports = store.conn.execute(
        "SELECT first_day, last_day, reports FROM event_clusters c JOIN events e ON e.cluster = c.id"
        " JOIN articles a ON a.pk = e.article WHERE a.id = 'a2'"
    ).fetchone()
    assert (first, last, reports) == ("2023-10-09", "2023-10-23", 3)


def test_events_list_what_happened_once_each_with_evidence(store):
    rows = store.events()
    # newest first; one row per event
    assert [(r["article"], r["type"], r["actor"], r["recipient"]) for r in rows] == [
        ("a4", "ACCUSE", "Azerbaijani MPs", "Hamas"),
        ("a1", "ACCUSE", "Azerbaijani MPs", "Hamas"),
        ("a1", "SUPPORT", "Crowds", "Israel"),
        ("a5", "ASSAULT", "Armenia", "Azerbaijan"),
        ("a5", "ASSAULT", "Armenia", "Azerbaijan"),
        ("a6", "ASSAULT", None, "Israel"),
        ("a8", "ASSAULT", None, "Israel"),
    ]
    condemn = rows[1]
    assert condemn["evidence"] == "Azerbaijani MPs condemned the attack by Hamas on Israel."
    assert condemn["article"] == "a1" and condemn["title"] == "Story a1"
    assert condemn["published"] == "2023-10-09" and condemn["reports"] == 3
    assert condemn["actor_country"] == "AZE" and condemn["actor_sector"] == "LEG"
    assert condemn["mode"] == "disapprove" and condemn["negated"] is False
    assert rows[2]["place"] == "Baku" and rows[3]["place"] == "Ganja"
    every = store.events(collapse=False)
    assert len(every) == len(rows) + 3  # a2, a3 and a7 report events listed once above


def test_claims_and_unrealised_events_only_when_asked(store):
    base = {(r["type"], r["actor_country"]) for r in store.events()}
    claims = {(r["type"], r["actor_country"]) for r in store.events(include_claims=True)}
    assert claims - base == {("SUPPORT", "IRN")}
    claimed = store.events(include_claims=True, actor="IRN")[0]
    assert claimed["claimed_by"] == "Azerbaijani MPs"
    unrealised = store.events(include_unrealised=True, type="reject")
    assert [(r["actor_country"], r["negated"], r["future"]) for r in unrealised] == [
        ("AZE", True, True)
    ]
    assert store.events(type="REJECT") == []


def test_filters_by_codes_names_type_sector_and_day(store):
    def pairs(**kw):
        return [(r["article"], r["type"]) for r in store.events(**kw)]

    assert pairs(actor="AZE") == [("a4", "ACCUSE"), ("a1", "ACCUSE")]
    assert pairs(actor="AZE", recipient="PSE") == pairs(actor="AZE", recipient="hamas")
    assert pairs(recipient="hamas|ORG") == pairs(actor="azerbaijani mps")
    assert pairs(recipient="ISR") == [("a1", "SUPPORT"), ("a6", "ASSAULT"), ("a8", "ASSAULT")]
    assert pairs(sector="leg", since="2023-11-01") == [("a4", "ACCUSE")]
    assert pairs(type="ASSAULT", until="2023-10-07") == [("a6", "ASSAULT"), ("a8", "ASSAULT")]
    assert pairs(actor="ISR") == []
    assert len(store.events(limit=2)) == 2
    assert store.events(limit=2, offset=1)[0] == store.events()[1]


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda s: s.events(type="BOMB"), "--type must be one of AGREE"),
        (lambda s: s.events(since="soon"), "--since must be a date"),
        (lambda s: s.dyads(by="week"), "--by must be one of day, month, year, all"),
    ],
)
def test_bad_values_are_query_errors(store, call, message):
    with pytest.raises(QueryError, match=message):
        call(store)


def test_dyads_count_events_not_reports(store):
    rows = store.dyads()
    assert rows == [
        {
            "period": "2023-10",
            "actor": "ARM",
            "recipient": "AZE",
            "type": "ASSAULT",
            "events": 2,
            "reports": 2,
        },
        {
            "period": "2023-10",
            "actor": "AZE",
            "recipient": "PSE",
            "type": "ACCUSE",
            "events": 1,
            "reports": 3,
        },
        {
            "period": "2023-11",
            "actor": "AZE",
            "recipient": "PSE",
            "type": "ACCUSE",
            "events": 1,
            "reports": 1,
        },
    ]
    years = store.dyads(by="year", actor="AZE", include_claims=True, include_unrealised=True)
    assert [(r["period"], r["recipient"], r["type"], r["events"]) for r in years] == [
        ("2023", "ISR", "REJECT", 1),
        ("2023", "PSE", "ACCUSE", 2),
    ]


def test_scores_weigh_plover_quads(store):
    rows = store.scores(include_claims=True)
    by_dyad = {(r["period"], r["actor"], r["recipient"]): r for r in rows}
    assert by_dyad[("2023-10", "ARM", "AZE")]["score"] == -4  # two material conflicts
    assert by_dyad[("2023-10", "IRN", "PSE")]["verbal_cooperation"] == 1
    aze = by_dyad[("2023-10", "AZE", "PSE")]
    assert (aze["verbal_conflict"], aze["events"], aze["score"], aze["mean"]) == (1, 1, -1, -1.0)
    whole = store.scores(by="all", actor="AZE", include_unrealised=True)
    assert [(r["recipient"], r["score"], r["mean"]) for r in whole] == [
        ("ISR", -1, -1.0),
        ("PSE", -2, -1.0),
    ]


def test_actor_graph_nodes_and_edges_by_type(store):
    graph = store.actor_graph(include_claims=True)
    assert {(e["source"], e["target"], e["type"], e["events"]) for e in graph.edges} == {
        ("ARM", "AZE", "ASSAULT", 2),
        ("AZE", "PSE", "ACCUSE", 2),
        ("IRN", "PSE", "SUPPORT", 1),
    }
    nodes = {n["id"]: n for n in graph.nodes}
    assert nodes["PSE"] == {"id": "PSE", "name": None, "out": 0, "in": 3}
    assert nodes["ARM"]["out"] == 2
    assert graph.to_dict()["edges"][0].keys() == {"source", "target", "type", "events", "reports"}


def test_a_store_older_than_the_event_tables_is_a_clear_error(event_db):
    import sqlite3

    plain = sqlite3.connect(event_db)
    plain.execute("PRAGMA user_version = 7")
    plain.close()
    with open_store(event_db) as old:
        for query in (old.events, old.dyads, old.actor_graph, lambda: list(old.event_reports())):
            with pytest.raises(QueryError, match="schema version 7; event queries need 8"):
                query()
