"""The SQLite index in the cache directory: trusted only when it is the user's own and intact."""

from __future__ import annotations

import ast
import os
import sqlite3
import stat
import zlib
from pathlib import Path

import pytest

from anti_party import cache
from conftest import FIXTURE, Invoke

PACKAGE = Path(__file__).parent.parent / "anti_party"
EVENT = '[[events]]\nid = "{ident}"\ndate = "{date}"\ntitle = "{title}"\nsummary = "{summary}"\nsources = ["book"]\n'
BASE = '[sources.book]\nkind = "book"\ntype = "scholarly"\ntitle = "A book"\n\n[people.molotov]\nname = "Vyacheslav Molotov"\n\n'


def write_store(path: Path, *titles: str) -> Path:
    events = [EVENT.format(ident=f"e{n}", date="1957-06", title=title, summary="") for n, title in enumerate(titles)]
    path.write_text(BASE + "\n".join(events), encoding="utf-8")
    return path


def indexes(directory: Path) -> list[Path]:
    return sorted(directory.glob("index-*.sqlite3"))


@pytest.fixture
def cached(apg: Invoke, tmp_path: Path) -> Invoke:
    """apg with its index in tmp_path/cache."""

    def invoke(*args: str, store: Path | None = FIXTURE, env: dict[str, str] | None = None) -> object:
        return apg(*args, store=store, env={"APG_NO_CACHE": "", "APG_CACHE_DIR": str(tmp_path / "cache"), **(env or {})})

    return invoke  # type: ignore[return-value]


def test_a_store_is_indexed_once_and_read_back_without_parsing(cached: Invoke, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    store = write_store(tmp_path / "store.toml", "First")
    assert cached("timeline", "--fields", "title", store=store).stdout == "First\n"
    assert len(indexes(tmp_path / "cache")) == 1

    def no_parsing(*args: object) -> None:
        raise AssertionError("the store was parsed although its index is there")

    monkeypatch.setattr("anti_party.store._parse", no_parsing)
    assert cached("timeline", "--fields", "title", store=store).stdout == "First\n"


def test_an_edit_keeping_size_and_time_is_seen(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Alpha")
    assert cached("timeline", "--fields", "title", store=store).stdout == "Alpha\n"
    before = store.stat()
    write_store(store, "Gamma")  # as long as "Alpha"
    os.utime(store, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (store.stat().st_size, store.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert cached("timeline", "--fields", "title", store=store).stdout == "Gamma\n"


def test_a_byte_flipped_index_is_rebuilt(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Unchanged title")
    cached("timeline", store=store)
    [index] = indexes(tmp_path / "cache")
    data = bytearray(index.read_bytes())
    where = data.find(b"Unchanged title")
    data[where] ^= 0x20  # "unchanged title": the database stays readable, its text is wrong
    index.write_bytes(bytes(data))
    assert cached("timeline", "--fields", "title", store=store).stdout == "Unchanged title\n"
    [rebuilt] = indexes(tmp_path / "cache")
    assert b"Unchanged title" in rebuilt.read_bytes()


def test_garbage_under_an_index_name_is_rebuilt(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Title")
    cached("timeline", store=store)
    [index] = indexes(tmp_path / "cache")
    garbage = b"not a database" * 100
    planted = index.with_name(index.name.rsplit("-", 1)[0] + f"-{zlib.crc32(garbage):08x}.sqlite3")
    index.unlink()
    planted.write_bytes(garbage)
    planted.chmod(0o600)
    assert cached("timeline", "--fields", "title", store=store).stdout == "Title\n"
    assert [path.read_bytes()[:15] for path in indexes(tmp_path / "cache")] == [b"SQLite format 3"]


def plant(tmp_path: Path, cached: Invoke) -> tuple[Path, Path]:
    """An index for the store at tmp_path/store.toml, well formed and correctly named, whose data is false."""
    store = write_store(tmp_path / "store.toml", "True title")
    cached("timeline", store=store)
    [index] = indexes(tmp_path / "cache")
    return store, rewritten(index, "UPDATE events SET record = replace(record, 'True title', 'Planted'), "
                                   "title = replace(title, 'True title', 'Planted')")  # TSV reads the column, views the record


def rewritten(path: Path, sql: str) -> Path:
    """The database at PATH changed by SQL and renamed for the checksum of its new bytes, as a planted file would be."""
    connection = sqlite3.connect(path)
    connection.execute(sql)
    connection.commit()
    connection.close()
    planted = path.with_name(path.name.rsplit("-", 1)[0] + f"-{zlib.crc32(path.read_bytes()):08x}.sqlite3")
    path.rename(planted)
    return planted


def test_a_planted_index_of_ones_own_is_read_so_the_other_tests_can_fail(cached: Invoke, tmp_path: Path) -> None:
    store, _ = plant(tmp_path, cached)
    assert cached("timeline", "--fields", "title", store=store).stdout == "Planted\n"


def test_a_world_writable_index_is_ignored(cached: Invoke, tmp_path: Path) -> None:
    store, planted = plant(tmp_path, cached)
    planted.chmod(0o666)
    assert cached("timeline", "--fields", "title", store=store).stdout == "True title\n"
    assert not planted.exists()


def test_a_group_writable_index_is_ignored(cached: Invoke, tmp_path: Path) -> None:
    store, planted = plant(tmp_path, cached)
    planted.chmod(0o620)
    assert cached("timeline", "--fields", "title", store=store).stdout == "True title\n"


def owned_by_another_user(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH given to another user: as root, chown; else the same, seen from another user (only root can
    give a file away)."""
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    else:
        real = os.getuid()
        monkeypatch.setattr(cache, "_owner_only", lambda mode, uid: uid == real + 1 and not mode & 0o022)


def test_an_index_owned_by_another_user_is_ignored(cached: Invoke, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store, planted = plant(tmp_path, cached)
    owned_by_another_user(planted, monkeypatch)
    assert cached("timeline", "--fields", "title", store=store).stdout == "True title\n"


def test_a_symbolic_link_under_an_index_name_is_not_followed(cached: Invoke, tmp_path: Path) -> None:
    store, planted = plant(tmp_path, cached)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    planted.rename(elsewhere)
    planted.symlink_to(elsewhere)
    assert cached("timeline", "--fields", "title", store=store).stdout == "True title\n"


def test_a_cache_directory_of_another_user_is_not_used(cached: Invoke, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store, planted = plant(tmp_path, cached)
    if os.geteuid() == 0:
        os.chown(tmp_path / "cache", 65534, 65534)
    else:
        real = os.getuid()
        monkeypatch.setattr(cache, "_owner_only", lambda mode, uid: uid == real + 1 and not mode & 0o022)
    assert cached("timeline", "--fields", "title", store=store).stdout == "True title\n"
    assert planted.exists()  # not used, and not touched either


def test_an_index_of_another_schema_is_not_read(cached: Invoke, tmp_path: Path) -> None:
    store, planted = plant(tmp_path, cached)
    rewritten(planted, "UPDATE meta SET value = '0' WHERE key = 'index_schema'")
    assert cached("timeline", "--fields", "title", store=store).stdout == "True title\n"


def test_directories_are_0700_and_files_0600_whatever_the_umask(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Title")
    old = os.umask(0)
    try:
        result = cached("timeline", store=store, env={"APG_CACHE_DIR": str(tmp_path / "deep" / "er" / "cache")})
    finally:
        os.umask(old)
    assert result.exit_code == 0
    for directory in (tmp_path / "deep", tmp_path / "deep" / "er", tmp_path / "deep" / "er" / "cache"):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    [index] = indexes(tmp_path / "deep" / "er" / "cache")
    assert stat.S_IMODE(index.stat().st_mode) == 0o600


def test_an_open_cache_directory_of_ones_own_is_closed_before_use(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Title")
    (tmp_path / "cache").mkdir(mode=0o777)
    (tmp_path / "cache").chmod(0o777)
    assert cached("timeline", "--fields", "title", store=store).stdout == "Title\n"
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700


def test_no_pickle_is_ever_loaded_and_old_ones_are_pruned(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Title")
    (tmp_path / "cache").mkdir(mode=0o700)
    marker = tmp_path / "unpickled"
    # A pickle that, if loaded, would run code: it creates the marker file.
    payload = b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR."
    for name in ("store-00000000.pickle", "store-12345678.pickle"):
        (tmp_path / "cache" / name).write_bytes(payload)
    assert cached("timeline", "--fields", "title", store=store).stdout == "Title\n"
    assert not marker.exists()
    assert sorted(path.name for path in (tmp_path / "cache").iterdir() if "pickle" in path.name) == []


def test_old_indexes_are_pruned(cached: Invoke, tmp_path: Path) -> None:
    for number in range(cache.KEPT + 3):
        store = write_store(tmp_path / "store.toml", f"Title {number}")
        assert cached("timeline", "--fields", "title", store=store).stdout == f"Title {number}\n"
    assert len(indexes(tmp_path / "cache")) == cache.KEPT


def test_no_cache_no_home_and_relative_xdg(apg: Invoke, tmp_path: Path) -> None:
    assert cache.cache_directory({"APG_NO_CACHE": "1", "APG_CACHE_DIR": "/x"}) is None
    assert cache.cache_directory({"APG_CACHE_DIR": "/x/y"}) == Path("/x/y")
    assert cache.cache_directory({"XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"}) == Path("/xdg/apg")
    assert cache.cache_directory({"XDG_CACHE_HOME": "relative/dir", "HOME": "/home/u"}) == Path("/home/u/.cache/apg")
    assert cache.cache_directory({"XDG_CACHE_HOME": "relative/dir"}) is None
    assert cache.cache_directory({}) is None
    store = write_store(tmp_path / "store.toml", "Title")
    environment = {"APG_NO_CACHE": "", "APG_CACHE_DIR": "", "XDG_CACHE_HOME": "", "HOME": ""}
    result = apg("timeline", "--fields", "title", store=store, env=environment)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Title\n", "")


def test_an_unwritable_cache_directory_costs_nothing_but_time(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Title")
    (tmp_path / "file").write_text("not a directory", encoding="utf-8")
    result = cached("timeline", "--fields", "title", store=store, env={"APG_CACHE_DIR": str(tmp_path / "file" / "x")})
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Title\n", "")


def test_check_and_the_query_commands_agree_on_a_broken_store(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", "Title")
    assert cached("timeline", store=store).exit_code == 0  # an index of the good store is there
    store.write_text(store.read_text(encoding="utf-8").replace('"1957-06"', '"1957-13"'), encoding="utf-8")
    check = cached("check", store=store)
    assert check.exit_code == 1 and "'1957-13' is not a date" in check.stderr
    for command in (["timeline"], ["people"], ["show", "e0"], ["person", "molotov"], ["on", "1957"]):
        result = cached(*command, store=store)
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", check.stderr), command


def test_gomulka_finds_gomulka_with_its_accent(cached: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "store.toml"
    store.write_text(BASE + EVENT.format(ident="gomulka", date="1956-10", title="Gomułka returns",
                                         summary="Władysław Gomułka becomes first secretary."), encoding="utf-8")
    for environment in ({}, {"APG_NO_CACHE": "1"}):
        for needle in ("Gomulka", "gomułka", "GOMUŁKA", "wladyslaw g", "ULKA RET"):
            result = cached("timeline", "--grep", needle, "--fields", "id", store=store, env=environment)
            assert result.stdout == "gomulka\n", (needle, environment)


def test_no_pickle_marshal_eval_or_exec_in_the_program() -> None:
    forbidden_modules = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {alias.name.split(".")[0] for alias in node.names} & forbidden_modules, path
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] not in forbidden_modules, path
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec", "compile", "__import__"), path


def traced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SQL statements of every connection opened from now on, as they run."""
    statements: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    return statements


def test_the_index_opens_with_trusted_schema_off(cached: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = write_store(tmp_path / "store.toml", "Title")
    cached("timeline", store=store)
    statements = traced(monkeypatch)
    assert cached("timeline", "--fields", "title", store=store).stdout == "Title\n"
    assert statements[0] == "PRAGMA trusted_schema=OFF"
    assert any("SELECT title FROM events" in statement for statement in statements)  # the TSV column itself


def test_output_written_in_batches_is_the_output_written_whole(cached: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "store.toml"
    events = [EVENT.format(ident=f"e{n:05d}", date=f"19{50 + n % 12}-0{1 + n % 9}", title=f"Event {n} Gomułka",
                           summary="") for n in range(4500)]  # more than two batches
    store.write_text(BASE + "\n".join(events), encoding="utf-8")
    assert cached("timeline", "-f", "tsv", store=store).exit_code == 0  # builds the index
    for args in (["-f", "tsv", "--header"], ["-f", "jsonl"], ["-f", "tsv", "--from", "1955", "-r"],
                 ["-f", "jsonl", "--grep", "gomulka", "-n", "3000"], ["-f", "tsv", "-n", "2500"]):
        batched = cached("timeline", *args, store=store)
        whole = cached("timeline", *args, store=store, env={"APG_NO_CACHE": "1"})
        assert (batched.exit_code, batched.stderr) == (0, "")
        assert batched.stdout == whole.stdout, args
        assert batched.stdout.count("\n") >= 2500


# The words of the index's events, for --grep: written on the first search, trusted as the index is.

TITLES = ("Gomułka returns", "Molotov resigns")


def words(directory: Path) -> list[Path]:
    return sorted(directory.glob("words-*.sqlite3"))


def grep(cached: Invoke, store: Path, needle: str) -> str:
    result = cached("timeline", "--grep", needle, "--fields", "title", store=store)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return str(result.stdout)


def searched(cached: Invoke, tmp_path: Path) -> tuple[Path, Path]:
    """A store whose index and words are written: the store, and the words file."""
    store = write_store(tmp_path / "store.toml", *TITLES)
    assert grep(cached, store, "gomulka") == "Gomułka returns\n"
    [written] = words(tmp_path / "cache")
    return store, written


def test_a_first_run_writes_no_words_and_the_first_search_does(cached: Invoke, tmp_path: Path) -> None:
    store = write_store(tmp_path / "store.toml", *TITLES)
    assert cached("timeline", "--fields", "title", store=store).stdout == "Gomułka returns\nMolotov resigns\n"
    assert len(indexes(tmp_path / "cache")) == 1 and words(tmp_path / "cache") == []
    assert grep(cached, store, "GOMULKA") == "Gomułka returns\n"
    [written] = words(tmp_path / "cache")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert written.name.endswith(f"-{zlib.crc32(written.read_bytes()):08x}.sqlite3")
    [index] = indexes(tmp_path / "cache")
    assert written.name.split("-")[1] == index.name.split("-")[1]  # the key of the index it belongs to


def test_later_searches_read_the_words_written(cached: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, written = searched(cached, tmp_path)
    statements = traced(monkeypatch)

    def no_writing(*args: object) -> None:
        raise AssertionError("the words were written again")

    monkeypatch.setattr("anti_party.index.write_words", no_writing)
    assert grep(cached, store, "molotov res") == "Molotov resigns\n"
    assert any("events_fts MATCH" in statement for statement in statements)
    assert words(tmp_path / "cache") == [written]


def plant_words(cached: Invoke, tmp_path: Path) -> tuple[Path, Path]:
    """Words for the store, well formed and correctly named, that hold no word at all."""
    store, written = searched(cached, tmp_path)
    return store, rewritten(written, "INSERT INTO events_fts (events_fts) VALUES ('delete-all')")


def test_planted_words_of_ones_own_are_read_so_the_other_tests_can_fail(cached: Invoke, tmp_path: Path) -> None:
    store, _ = plant_words(cached, tmp_path)
    assert grep(cached, store, "gomulka") == ""


@pytest.mark.parametrize("mode", [0o666, 0o620])
def test_words_others_may_write_are_ignored_and_written_anew(cached: Invoke, tmp_path: Path, mode: int) -> None:
    store, planted = plant_words(cached, tmp_path)
    planted.chmod(mode)
    assert grep(cached, store, "gomulka") == "Gomułka returns\n"
    assert not planted.exists() and len(words(tmp_path / "cache")) == 1


def test_words_owned_by_another_user_are_ignored(cached: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, planted = plant_words(cached, tmp_path)
    owned_by_another_user(planted, monkeypatch)
    assert grep(cached, store, "gomulka") == "Gomułka returns\n"


def test_a_symbolic_link_under_a_words_name_is_not_followed(cached: Invoke, tmp_path: Path) -> None:
    store, planted = plant_words(cached, tmp_path)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    planted.rename(elsewhere)
    planted.symlink_to(elsewhere)
    assert grep(cached, store, "gomulka") == "Gomułka returns\n"


def test_byte_flipped_words_are_written_anew(cached: Invoke, tmp_path: Path) -> None:
    store, written = searched(cached, tmp_path)
    data = bytearray(written.read_bytes())
    data[len(data) // 2] ^= 0x01
    written.write_bytes(bytes(data))
    assert grep(cached, store, "gomulka") == "Gomułka returns\n"
    [rewritten] = words(tmp_path / "cache")
    assert rewritten.name.endswith(f"-{zlib.crc32(rewritten.read_bytes()):08x}.sqlite3")


def test_words_that_cannot_be_written_cost_only_time(cached: Invoke, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = write_store(tmp_path / "store.toml", *TITLES)
    assert cached("timeline", store=store).exit_code == 0  # the index is written

    def disk_full(path: Path, index: sqlite3.Connection) -> None:
        path.write_bytes(b"half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("anti_party.index.write_words", disk_full)
    assert grep(cached, store, "gomulka") == "Gomułka returns\n"
    assert sorted(path.name[:6] for path in (tmp_path / "cache").iterdir()) == ["index-"]  # no partial file left


def test_the_words_of_a_pruned_index_go_with_it(cached: Invoke, tmp_path: Path) -> None:
    store, written = searched(cached, tmp_path)
    for number in range(cache.KEPT):
        write_store(store, f"Title {number}")
        assert grep(cached, store, f"title {number}") == f"Title {number}\n"
    assert not written.exists()
    assert len(words(tmp_path / "cache")) == len(indexes(tmp_path / "cache")) == cache.KEPT
