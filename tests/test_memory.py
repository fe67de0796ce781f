"""Memory does not grow with one document: a 2 MB single line stays under a generous cap.

Before long bodies were annotated piece by piece, parsing 2 MB on one line took
6.6 GB; the cap here (3 GB of address space, set with setrlimit in a child
process so the test run itself is not limited) fails on that and passes with
room to spare now (about 0.7 GB peak). Time and memory against size are
measured in benchmarks/bench_memory.py, not here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CAP_MB = 3000

CHILD = textwrap.dedent(
    """
    import resource, sys
    cap = int(sys.argv[1]) << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    import newsgraph
    sentence = "The minister said on Monday that the harbour in Split would reopen. "
    text = (sentence * (2_000_000 // len(sentence) + 1))[:2_000_000]
    assert "\\n" not in text
    options = newsgraph.Options(annotators=("dates",))
    article = newsgraph.extract(text, clean=False, published="2024-03-14", options=options)
    assert article.body == text
    days = {d.value for d in article.dates}
    last = article.dates[-1]
    assert days == {"2024-03-11"} and text[last.start : last.end] == last.text
    print(len(article.dates))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")
def test_a_two_megabyte_line_is_annotated_under_a_memory_cap():
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(CAP_MB)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 25_000  # every "on Monday", in every piece
