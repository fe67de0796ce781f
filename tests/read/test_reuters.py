"""The Reuters-21578 SGML reader: stories with titles, dates and unwrapped bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.read.reuters import iter_reuters, parse_date, unwrap

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "reuters21578"

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE> 1-MAR-1987 01:30:29.50</DATE>
<TEXT>&#2;
<TITLE>COCOA &lt;CCO> PRICES RISE</TITLE>
<DATELINE>    LONDON, March 1 - </DATELINE><BODY>Cocoa prices rose sharply on
the London market today, traders said.
    The rise followed reports of
dry weather in Ivory Coast &amp; Ghana.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>2-MAR-1987 09:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>FED SETS REPURCHASE AGREEMENTS</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID="9">
<DATE>2-MAR-1987 09:01:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
FEDERAL RESERVE WEEKLY REPORT
    Net free reserves....644 vs...1,337
&#3;</TEXT>
</REUTERS>
"""


def test_stories_with_dates_titles_and_unwrapped_bodies(tmp_path):
    path = tmp_path / "reut2-000.sgm"
    path.write_text(SGML, encoding="latin-1")
    full, brief, unproc = iter_reuters(path)
    assert full.title == "COCOA <CCO> PRICES RISE"
    assert full.published == "1987-03-01T01:30:29"
    assert full.data == (
        "Cocoa prices rose sharply on the London market today, traders said.\n\n"
        "The rise followed reports of dry weather in Ivory Coast & Ghana."
    )
    assert full.source == "Reuters" and full.clean is False
    assert full.location.endswith("#7")
    assert brief.data == "FED SETS REPURCHASE AGREEMENTS"
    assert unproc.data.startswith("FEDERAL RESERVE WEEKLY REPORT\n\nNet free reserves")
    assert len({full.hash, brief.hash, unproc.hash}) == 3


def test_dates_and_unwrap():
    assert parse_date("26-FEB-1987 15:01:01.79") == "1987-02-26T15:01:01"
    assert parse_date("garbage") is None
    assert unwrap("one\ntwo\n    three\nfour\n Reuter") == "one two\n\nthree four"


def test_the_whole_collection_when_present():
    if not SHARED.exists():
        pytest.skip("../shared/corpora/reuters21578 is not present")
    items = list(iter_reuters(SHARED / "reut2-000.sgm"))
    assert len(items) == 1000
    assert sum(1 for i in items if i.published) == 1000
    assert sum(1 for i in items if i.error) <= 1


def test_the_sign_off_goes_as_the_operators_typed_it_and_a_named_source_stays():
    for signoff in ("Reuter", "REUTER", "REUITER", "REUTER...^M", "REUTER E"):
        assert unwrap(f"    Profit rose.\n {signoff}") == "Profit rose."
    assert unwrap("    Profit rose, it told Reuters") == "Profit rose, it told Reuters"
