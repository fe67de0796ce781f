"""One writer at a time; readers need an existing store."""

from __future__ import annotations

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.store.db import WriterLock, connect, transaction


def test_second_writer_is_refused_until_the_first_is_done(tmp_path):
    db = tmp_path / "s.db"
    with WriterLock(db):
        with pytest.raises(NewsgraphError, match="another process is writing"):
            with WriterLock(db):
                pass
    with WriterLock(db):  # released
        pass


def test_transaction_rolls_back_on_error(tmp_path):
    conn = connect(tmp_path / "s.db", write=True)
    with pytest.raises(RuntimeError):
        with transaction(conn):
            conn.execute("INSERT INTO runs (started, inputs, options) VALUES ('x', '[]', '{}')")
            raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def test_reader_is_read_only(tmp_path):
    connect(tmp_path / "s.db", write=True).close()
    reader = connect(tmp_path / "s.db")
    with pytest.raises(Exception, match="readonly"):
        reader.execute("INSERT INTO runs (started, inputs, options) VALUES ('x', '[]', '{}')")
