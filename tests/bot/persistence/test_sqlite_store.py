from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bot.errors import StorageError
from bot.persistence.schema import SCHEMA_VERSION
from bot.persistence.sqlite_store import SqliteStore


def test_a_new_database_is_in_wal_mode_with_a_schema_version(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "bot.sqlite")
    conn = store.connection

    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [tuple(r) for r in conn.execute("SELECT version FROM schema_version")] == [
        (SCHEMA_VERSION,)
    ]
    store.close()
    SqliteStore(tmp_path / "bot.sqlite").close()  # opening again changes nothing


def test_a_database_from_a_newer_bot_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite"
    SqliteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 0)", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()

    with pytest.raises(StorageError) as caught:
        SqliteStore(path)

    assert caught.value.code == "schema-too-new"
    assert caught.value.hint
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (
        SCHEMA_VERSION + 1,
    )
    conn.close()


def test_a_foreign_database_and_a_file_that_is_no_database_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)

    with pytest.raises(StorageError) as first:
        SqliteStore(foreign)
    with pytest.raises(StorageError) as second:
        SqliteStore(garbage)

    assert first.value.code == "not-a-bot-database"
    assert second.value.code == "database-error"
    assert garbage.read_bytes() == b"this is not a database" * 100


def test_a_path_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StorageError) as caught:
        SqliteStore(blocker / "bot.sqlite")
    assert caught.value.code == "database-not-writable"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only folders")
def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as caught:
            SqliteStore(folder / "bot.sqlite")
        assert caught.value.code == "database-not-writable"
    finally:
        folder.chmod(0o700)
