"""Near-duplicate clusters (MinHash/LSH) and wire-copy flagging.

Each body gets a datasketch MinHash over its 5-word shingles (computed in the
worker). The LSH index lives in the store (``lsh_bands``: one row per band
bucket) rather than in memory, so it survives restarts, is written in the
same transaction as the article, and the writer's memory does not grow with
the corpus. A new article joins the cluster of its most similar candidate
when their estimated Jaccard similarity reaches ``THRESHOLD``.

Wire copy: an article that credits a news agency (a dateline ``(Reuters)``,
a sign-off ``Reuter``, ``Associated Press`` ...) names its cluster's agency;
every member of a cluster with an agency that is not that agency's own
output is flagged ``syndicated``, credit line or not.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3

import numpy as np
from datasketch import MinHash

from newsgraph.lexicon.agencies import NEWS_AGENCIES, alternation, canonical
from newsgraph.record import Article
from newsgraph.store import writes

NUM_PERM = 120
BANDS, ROWS = 20, 6  # candidate pairs from Jaccard ~0.6 upwards: (1/20) ** (1/6)
THRESHOLD = 0.6
SHINGLE = 5
_SEED = 1
_WORD = re.compile(r"\w+")

# Credit lines naming a news agency at the start (dateline) or end (sign-off) of a body.
_WIRE = alternation(NEWS_AGENCIES)
_HEAD = re.compile(rf"^[^\n]{{0,80}}?\(\s*({_WIRE})\s*\)\s*[-—–:]", re.M)
_TAIL = re.compile(
    rf"(?:^|[\s(—–-])({_WIRE})\)?\s*\.?\s*$|(?:Copyright|©)\s*\d{{4}}\s*(?:The\s+)?({_WIRE})\b"
)
_BYLINE = re.compile(rf"\b(?:By|Source:?|Credit:?)\s+(?:the\s+)?({_WIRE})\b")
_MARKERS = {a.name: a.markers for a in NEWS_AGENCIES}


def shingles(body: str) -> list[bytes]:
    """Overlapping 5-word shingles of the lower-cased body (the words themselves when shorter)."""
    words = _WORD.findall(body.lower())
    if len(words) <= SHINGLE:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)]


def signature(body: str) -> bytes | None:
    """The body's MinHash as NUM_PERM little-endian uint32 (None for an empty body)."""
    grams = shingles(body)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED)
    mh.update_batch(grams)
    # datasketch keeps hash values below 2**32, so uint32 loses nothing.
    return mh.hashvalues.astype("<u4").tobytes()


def buckets(sig: bytes) -> list[int]:
    """One bucket per band: a signed 64-bit hash of the band's rows (an SQLite INTEGER)."""
    width = ROWS * 4
    return [
        int.from_bytes(
            hashlib.blake2b(sig[b * width : (b + 1) * width], digest_size=8).digest(),
            "little",
            signed=True,
        )
        for b in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))


def credited_agency(article: Article) -> str | None:
    """The news agency the article credits (dateline, byline or sign-off), if any."""
    body = article.body
    head, tail = body[:400], body[-300:]
    for pattern, text in ((_HEAD, head), (_BYLINE, head), (_TAIL, tail), (_BYLINE, tail)):
        m = pattern.search(text)
        name = next((g for g in m.groups() if g), None) if m else None
        if name:
            return canonical(name) or name
    for author in article.authors:
        name = canonical(author.name)
        if name and len(author.name.strip()) > 2:
            return name
    return None


def is_agency_source(source: str | None, agency: str) -> bool:
    """True when the outlet is the agency itself (its own story is not syndicated)."""
    if not source:
        return False
    low = source.lower()
    markers = _MARKERS.get(agency, (agency.lower(),))
    return any(re.search(rf"(?:^|\W){re.escape(m)}(?:\W|$)", low) for m in markers)


def source_agency(source: str | None) -> str | None:
    """The agency an outlet is, if it is one."""
    return next((a for a in _MARKERS if is_agency_source(source, a)), None)


def place(
    conn: sqlite3.Connection,
    pk: int,
    sig: bytes | None,
    source: str | None,
    agency: str | None,
) -> int:
    """Cluster a newly inserted article and update wire-copy flags; return its cluster id."""
    cluster = pk
    if sig is not None:
        keys = buckets(sig)
        best, best_sim = None, THRESHOLD
        for row in writes.band_candidates(conn, keys):
            if row["pk"] == pk or row["minhash"] is None:
                continue
            sim = similarity(sig, row["minhash"])
            if sim >= best_sim:
                best, best_sim = row, sim
        writes.add_bands(conn, pk, keys)
        if best is not None:
            cluster = best["cluster_id"]
            writes.join_cluster(conn, pk, cluster)
    agency = agency or source_agency(source) or writes.cluster_agency(conn, cluster)
    if agency is None and cluster != pk:
        agency = next(
            (a for m in writes.cluster_members(conn, cluster) if (a := source_agency(m["source"]))),
            None,
        )
    if agency is not None:
        copies = [
            m["pk"]
            for m in writes.cluster_members(conn, cluster)
            if not m["syndicated"] and not is_agency_source(m["source"], agency)
        ]
        if copies or cluster != pk:
            writes.mark_syndicated(conn, cluster, agency, copies)
    return cluster
