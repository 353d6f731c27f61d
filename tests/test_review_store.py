"""The review file as a library (issue 12): what the CLI and the TUI call.  Nothing is ever
lost: unknown fields and entries go back to disk, a corrupt or newer file is refused and left
byte for byte, a crash between writing and renaming leaves the old file, and two writers at
once both keep their verdicts."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from narrative.api import (
    ACCEPTED,
    CONFIRMED,
    FALSE_ALARM,
    InputError,
    analyse,
    baseline_stats,
    clear_verdict,
    load_baseline,
    report_key,
    set_verdict,
    write_baseline,
)
from narrative.review.store import locked

from .conftest import ROOT

TINY = ROOT / "tests" / "data" / "tiny-report.txt"
KEY = "某某局|2024|决算|部门"  # the title of tiny-report.txt, line 1: "某某局 2024 年度部门决算"

# A review file as a newer minor version or a person may have left it: fields and a report
# this version does not know about, which every write must keep.
WITH_UNKNOWNS = {
    "version": 1,
    "team": "审计二科",
    "reports": {
        KEY: {
            "identity": {"department": "某某局", "year": 2024, "kind": "决算", "unit_level": "部门"},
            "reviewed_until": "2025-04-01",
            "findings": {
                "aaaaaaaaaaaaaaaa": {"rule": "TBL001", "verdict": FALSE_ALARM, "note": "表内重复", "who": "li",
                                     "when": "2025-03-17T09:30:00Z", "ticket": "AUD-7"},
                "bbbbbbbbbbbbbbbb": {"rule": "CLM001", "verdict": "deferred", "note": "", "who": "wang",
                                     "when": "2025-03-18T10:00:00Z"},
            },
        },
        "其他局|2023|决算|部门": {"findings": {"cccccccccccccccc": {"rule": "TBL002", "verdict": ACCEPTED}}},
    },
}


def _write(path: Path, data: object) -> bytes:
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    return raw


def _tiny(tmp_path: Path, name: str = "tiny.txt", text: str | None = None) -> Path:
    p = tmp_path / name
    p.write_text(text if text is not None else TINY.read_text(encoding="utf-8"), encoding="utf-8")
    return p


def test_a_verdict_is_written_sorted_and_pretty_with_who_and_when(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    r = analyse(str(TINY)).result()
    f = next(f for f in r.findings if f.rule == "TBL001")
    _, e = set_verdict(str(review), r, f, "confirmed", note="已请财务科核对", who="li")
    assert (e.verdict, e.note, e.who, e.rule) == (CONFIRMED, "已请财务科核对", "li", "TBL001")
    text = review.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    entry = data["reports"][KEY]["findings"][f.fingerprint]
    assert entry["stated"] == "100.00" and entry["excerpt"] == f.excerpt  # line 18 of tiny-report.txt
    assert entry["when"].endswith("Z") and entry["who"] == "li"
    assert load_baseline(str(review)).verdict(r, f).verdict == CONFIRMED  # type: ignore[union-attr]


def test_unknown_fields_entries_and_verdicts_are_kept(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    _write(review, WITH_UNKNOWNS)
    set_verdict(str(review), KEY, "aaaaaaaaaaaaaaaa", "confirmed", who="zhao")
    r = analyse(str(TINY)).result()
    _, added = write_baseline(str(review), [r], who="zhao")
    data = json.loads(review.read_text(encoding="utf-8"))
    assert data["team"] == "审计二科"
    rep = data["reports"][KEY]
    assert rep["reviewed_until"] == "2025-04-01"
    assert rep["findings"]["aaaaaaaaaaaaaaaa"]["ticket"] == "AUD-7"
    assert rep["findings"]["aaaaaaaaaaaaaaaa"]["note"] == "表内重复"  # no --note: the note stays
    assert rep["findings"]["aaaaaaaaaaaaaaaa"]["verdict"] == CONFIRMED
    assert rep["findings"]["bbbbbbbbbbbbbbbb"]["verdict"] == "deferred"  # a newer tool's verdict, as written
    assert data["reports"]["其他局|2023|决算|部门"]["findings"]["cccccccccccccccc"]["verdict"] == ACCEPTED
    assert added == len(r.findings) and len(rep["findings"]) == 2 + len(r.findings)
    # a verdict this version does not know hides nothing
    assert not load_baseline(str(review)).entry(KEY, "bbbbbbbbbbbbbbbb").hides  # type: ignore[union-attr]


def test_writing_the_baseline_again_keeps_every_verdict_and_note(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    r = analyse(str(TINY)).result()
    _, first = write_baseline(str(review), [r], who="li")
    assert first == len(r.findings) > 0
    f = r.findings[0]
    set_verdict(str(review), r, f, "false-alarm", note="模板所致", who="wang")
    before = load_baseline(str(review)).entry(KEY, f.fingerprint)
    _, again = write_baseline(str(review), [r], who="zhao")
    assert again == 0
    assert load_baseline(str(review)).entry(KEY, f.fingerprint) == before
    assert len(load_baseline(str(review))) == len(r.findings)


CORRUPT = {
    "invalid JSON": b'{"version": 1, "reports": {',
    "a list": b"[]",
    "no version": b'{"reports": {}}',
    "an entry that is not an object": b'{"version": 1, "reports": {"k": {"findings": {"ab": 3}}}}',
    "not UTF-8": b'{"version": 1, "reports": {"\xb2\xbf": {}}}',
}


@pytest.mark.parametrize("raw", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_file_is_refused_in_one_line_and_left_byte_for_byte(tmp_path: Path, raw: bytes) -> None:
    review = tmp_path / "review.json"
    review.write_bytes(raw)
    r = analyse(str(TINY)).result()
    with pytest.raises(InputError) as err:
        load_baseline(str(review))
    assert "\n" not in str(err.value) and str(review) in str(err.value)
    for write in (lambda: set_verdict(str(review), r, r.findings[0], "accepted"),
                  lambda: write_baseline(str(review), [r])):
        with pytest.raises(InputError):
            write()
        assert review.read_bytes() == raw


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    raw = _write(review, {**WITH_UNKNOWNS, "version": 2})
    r = analyse(str(TINY)).result()
    with pytest.raises(InputError, match="newer"):
        write_baseline(str(review), [r])
    assert review.read_bytes() == raw


def test_a_crash_between_write_and_rename_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review = tmp_path / "review.json"
    r = analyse(str(TINY)).result()
    a, b = r.findings[0], r.findings[1]
    set_verdict(str(review), r, a, "false-alarm", note="first", who="li")
    raw = review.read_bytes()

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    def killed(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(os, "replace", full_disk)
        with pytest.raises(InputError, match="not written"):
            set_verdict(str(review), r, b, "confirmed", who="wang")
    assert review.read_bytes() == raw
    with monkeypatch.context() as m:
        m.setattr(os, "replace", killed)
        with pytest.raises(KeyboardInterrupt):
            set_verdict(str(review), r, b, "confirmed", who="wang")
    assert review.read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["review.json"]  # no .tmp
    set_verdict(str(review), r, b, "confirmed", who="wang")  # the next write keeps the first verdict
    now = load_baseline(str(review))
    assert now.entry(KEY, a.fingerprint).verdict == FALSE_ALARM  # type: ignore[union-attr]
    assert now.entry(KEY, b.fingerprint).verdict == CONFIRMED  # type: ignore[union-attr]


def test_a_writer_holding_an_old_copy_loses_no_one_elses_verdict(tmp_path: Path) -> None:
    """The TUI loaded the file an hour ago; a script has set a verdict since.  The TUI's next
    verdict is applied to the file as it is now, not to its old copy."""
    review = tmp_path / "review.json"
    r = analyse(str(TINY)).result()
    write_baseline(str(review), [r], who="li")
    tui_copy = load_baseline(str(review))
    set_verdict(str(review), KEY, r.findings[0].fingerprint, "false-alarm", who="script")
    set_verdict(str(review), r, r.findings[1], "confirmed", who="tui")
    assert tui_copy.entry(KEY, r.findings[0].fingerprint).verdict == ACCEPTED  # type: ignore[union-attr]
    now = load_baseline(str(review))
    assert now.entry(KEY, r.findings[0].fingerprint).verdict == FALSE_ALARM  # type: ignore[union-attr]
    assert now.entry(KEY, r.findings[1].fingerprint).verdict == CONFIRMED  # type: ignore[union-attr]


def test_two_writers_at_once_lose_no_verdict(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    fps = [f"{i:016x}" for i in range(40)]
    _write(review, {"version": 1, "reports": {KEY: {"findings": {fp: {"verdict": ACCEPTED} for fp in fps}}}})
    errors: list[BaseException] = []

    def writer(mine: list[str], verdict: str) -> None:
        try:
            for fp in mine:
                set_verdict(str(review), KEY, fp, verdict, who=verdict)
        except BaseException as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(fps[i::2], v)) for i, v in enumerate((FALSE_ALARM, CONFIRMED))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    now = load_baseline(str(review))
    assert [now.entry(KEY, fp).verdict for fp in fps] == [FALSE_ALARM, CONFIRMED] * 20  # type: ignore[union-attr]


def test_a_writer_waits_for_the_lock(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    _write(review, {"version": 1, "reports": {KEY: {"findings": {"aaaaaaaaaaaaaaaa": {"verdict": ACCEPTED}}}}})
    done = threading.Event()

    def other() -> None:
        set_verdict(str(review), KEY, "aaaaaaaaaaaaaaaa", "confirmed", who="other")
        done.set()

    with locked(str(review)):
        t = threading.Thread(target=other)
        t.start()
        assert not done.wait(0.3)  # blocked while the lock is held
        assert load_baseline(str(review)).entry(KEY, "aaaaaaaaaaaaaaaa").verdict == ACCEPTED  # type: ignore[union-attr]
    t.join()
    assert load_baseline(str(review)).entry(KEY, "aaaaaaaaaaaaaaaa").verdict == CONFIRMED  # type: ignore[union-attr]


def test_a_report_is_keyed_by_its_identity_else_by_its_content(tmp_path: Path) -> None:
    text = TINY.read_text(encoding="utf-8")
    assert report_key(analyse(str(_tiny(tmp_path, "renamed.txt"))).result()) == KEY
    assert report_key(analyse(str(TINY))) == KEY  # an Analysis too, as the TUI holds it
    # without its title and 部门 line there is no department and year to key by
    anonymous = "\n".join(ln for ln in text.splitlines() if not ln.startswith(("某某局", "部门：", "2024 年度")))
    one = report_key(analyse(str(_tiny(tmp_path, "a.txt", anonymous))).result())
    same = report_key(analyse(str(_tiny(tmp_path, "b.txt", anonymous))).result())
    other = report_key(analyse(str(_tiny(tmp_path, "c.txt", anonymous.replace("100.00", "101.00")))).result())
    assert one is not None and one.startswith("sha256:") and one == same
    assert other is not None and other.startswith("sha256:") and other != one
    both = report_key(analyse([str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]).result())
    assert both is not None and both.startswith("sha256:") and both not in (one, other)
    assert report_key(analyse(str(tmp_path / "missing.txt")).result()) is None


def test_false_alarms_are_counted_per_rule(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    _write(a, WITH_UNKNOWNS)  # TBL001 false alarm, CLM001 deferred, TBL002 accepted
    _write(b, {"version": 1, "reports": {"x": {"findings": {
        "1": {"rule": "TBL001", "verdict": FALSE_ALARM}, "2": {"rule": "TBL001", "verdict": CONFIRMED},
        "3": {"rule": "TXT005", "verdict": FALSE_ALARM}}}}})
    stats = {s.rule: s for s in baseline_stats([str(a), str(b)])}
    assert (stats["TBL001"].false_alarms, stats["TBL001"].confirmed, stats["TBL001"].total) == (2, 1, 3)
    assert (stats["TXT005"].false_alarms, stats["TBL002"].accepted, stats["CLM001"].other) == (1, 1, 1)
    assert baseline_stats([str(a), str(b)])[0].rule == "TBL001"  # most false alarms first


def test_a_verdict_is_one_of_three_and_a_fingerprint_must_be_known(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    raw = _write(review, WITH_UNKNOWNS)
    with pytest.raises(InputError, match="unknown verdict"):
        set_verdict(str(review), KEY, "aaaaaaaaaaaaaaaa", "fine")
    with pytest.raises(InputError, match="is not in"):
        set_verdict(str(review), None, "dddddddddddddddd", "accepted")
    assert review.read_bytes() == raw
    _, e = set_verdict(str(review), None, "cccc", "false-alarm", who="li")  # a unique start is enough
    assert e.fingerprint == "cccccccccccccccc" and e.verdict == FALSE_ALARM


def test_clearing_a_verdict_removes_only_that_entry(tmp_path: Path) -> None:
    review = tmp_path / "review.json"
    _write(review, WITH_UNKNOWNS)
    _, removed = clear_verdict(str(review), KEY, "aaaaaaaaaaaaaaaa")
    data = json.loads(review.read_text(encoding="utf-8"))
    assert removed and "aaaaaaaaaaaaaaaa" not in data["reports"][KEY]["findings"]
    assert data["team"] == "审计二科" and "bbbbbbbbbbbbbbbb" in data["reports"][KEY]["findings"]
    raw = review.read_bytes()
    assert clear_verdict(str(review), KEY, "aaaaaaaaaaaaaaaa")[1] is False
    assert review.read_bytes() == raw
    assert clear_verdict(str(tmp_path / "none.json"), KEY, "aaaaaaaaaaaaaaaa")[1] is False
    assert not (tmp_path / "none.json").exists()


def test_a_review_file_reached_through_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "team" / "review.json"
    real.parent.mkdir()
    _write(real, WITH_UNKNOWNS)
    link = tmp_path / "review.json"
    link.symlink_to(real)
    set_verdict(str(link), KEY, "aaaaaaaaaaaaaaaa", "confirmed", who="li")
    assert link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["reports"][KEY]["findings"]["aaaaaaaaaaaaaaaa"]["verdict"] \
        == CONFIRMED
