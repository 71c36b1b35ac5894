"""The per-field merge: the newer clock wins field by field, ties go to the unit id, deletes
are tombstones, person-critical disagreements come back for review; and (Hypothesis) the
order of merging never matters and merging twice changes nothing."""

from __future__ import annotations

import itertools
from dataclasses import replace
from functools import reduce
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.exchange.merge import REVIEW_FIELDS, RunMerger, merge, merge_all, normal
from app.exchange.records import ValidRecord

A = "aaaaaaaa-0000-4000-8000-000000000000"
B = "bbbbbbbb-0000-4000-8000-000000000000"
ROW = "0f0f0f0f-0000-4000-8000-000000000000"


def s(n: int) -> str:
    return f"{1780000000000 + n:013d}-000000"


def rec(clocks: dict[str, tuple[int, str]], table: str = "person", **fields: Any) -> ValidRecord:
    """A record whose fields carry the given (stamp number, unit) clocks."""
    deleted = fields.pop("deleted", False)
    clocks.setdefault("deleted", (0, A))
    texts = {k: f"{s(n)}/{u}" for k, (n, u) in clocks.items()}
    top = max(clocks.values())
    return ValidRecord(table=table, id=ROW, hlc=s(top[0]), origin_unit=top[1], deleted=deleted,
                       field_clocks=texts, fields=fields)


def test_a_record_we_do_not_hold_is_new() -> None:
    incoming = rec({"city": (1, A)}, city="Malmö")
    out = merge(None, incoming)
    assert out.kind == "new" and out.record is incoming


def test_each_field_takes_the_newer_clock() -> None:
    ours = rec({"city": (5, A), "phone": (1, A)}, city="Lund", phone="1")
    theirs = rec({"city": (2, B), "phone": (3, B)}, city="Malmö", phone="2")
    out = merge(ours, theirs)
    assert out.record.fields == {"city": "Lund", "phone": "2"}
    assert out.kind == "changed" and out.changed_fields == ("phone",)
    assert out.record.field_clocks is not None
    assert out.record.field_clocks["phone"] == f"{s(3)}/{B}"
    assert out.record.field_clocks["city"] == f"{s(5)}/{A}"
    assert (out.record.hlc, out.record.origin_unit) == (s(5), A)


def test_equal_stamps_go_to_the_greater_unit_id() -> None:
    ours = rec({"city": (4, A)}, city="Lund")
    theirs = rec({"city": (4, B)}, city="Malmö")
    assert merge(ours, theirs).record.fields["city"] == "Malmö"
    assert merge(theirs, ours).record.fields["city"] == "Malmö"


def test_same_data_again_is_same() -> None:
    ours = rec({"city": (4, A)}, city="Lund")
    out = merge(ours, ours)
    assert out.kind == "same" and out.record is ours and out.reviews == ()


def test_a_row_clock_map_of_none_means_every_field_at_the_row_clock() -> None:
    plain = ValidRecord(table="person", id=ROW, hlc=s(2), origin_unit=A, deleted=False,
                        field_clocks=None, fields={"city": "Lund", "phone": "1"})
    edited = rec({"city": (1, B), "phone": (3, B)}, city="Malmö", phone="2")
    out = merge(plain, edited).record
    assert out.fields == {"city": "Lund", "phone": "2"}


def test_a_tombstone_wins_only_if_newer() -> None:
    live = rec({"city": (2, A), "deleted": (2, A)}, city="Lund")
    dead_old = rec({"city": (1, B), "deleted": (1, B)}, city="Lund", deleted=True)
    dead_new = rec({"city": (1, B), "deleted": (3, B)}, city="Lund", deleted=True)
    assert merge(live, dead_old).record.deleted is False
    assert merge(live, dead_new).record.deleted is True
    # An edit elsewhere in the row does not bring a deleted row back.
    assert merge(dead_new, rec({"city": (9, A)}, city="Ystad")).record.deleted is True


def test_a_partial_record_leaves_the_fields_it_lacks() -> None:
    ours = rec({"city": (1, A), "personnummer": (1, A)}, city="Lund",
               personnummer="200001011234")
    theirs = rec({"city": (2, B)}, city="Malmö")
    out = merge(ours, theirs).record
    assert out.fields == {"city": "Malmö", "personnummer": "200001011234"}


def test_a_person_critical_disagreement_comes_back_for_review() -> None:
    ours = rec({"frivard_status": (3, A), "city": (3, A)}, frivard_status="parole", city="Lund")
    theirs = rec({"frivard_status": (4, B), "city": (4, B)}, frivard_status="probation",
                 city="Malmö")
    there = merge(ours, theirs)
    back = merge(theirs, ours)
    assert there.record.fields["frivard_status"] == "probation"
    [item] = there.reviews  # city is not one that matters for review
    assert (item.field, item.kept_value, item.other_value) == ("frivard_status", "probation",
                                                              "parole")
    assert item.other_clock == f"{s(3)}/{A}" and item.other_unit == A
    assert back.reviews == there.reviews  # both laptops see the same question
    assert normal(back.record) == normal(there.record)


def test_one_units_own_later_write_is_no_conflict() -> None:
    ours = rec({"frivard_status": (3, A)}, frivard_status="parole")
    later = rec({"frivard_status": (4, A)}, frivard_status="none")
    assert merge(ours, later).reviews == ()


def test_review_fields_are_real_fields() -> None:
    from app.exchange.records import field_names

    for table, names in REVIEW_FIELDS.items():
        assert names <= {*field_names(table), "deleted"}


def test_merge_all_takes_duplicates_and_reports_the_first_kind() -> None:
    first = rec({"city": (1, B)}, city="Lund")
    second = rec({"city": (2, B)}, city="Malmö")
    out = merge_all({}, [first, second, first])
    merged = out[("person", ROW)]
    assert merged.kind == "new" and merged.record.fields["city"] == "Malmö"


# ---- properties ---------------------------------------------------------------------------

FIELDS = ["city", "phone", "frivard_status"]
writes = st.builds(
    lambda clocks, values, deleted: rec(
        {f: c for f, c in zip(FIELDS, clocks[:3], strict=True)} | {"deleted": clocks[-1]},
        **dict(zip(FIELDS, values, strict=True)), deleted=deleted),
    st.lists(st.tuples(st.integers(0, 6), st.sampled_from([A, B])), min_size=4, max_size=4),
    st.lists(st.sampled_from(["x", "y", None]), min_size=3, max_size=3),
    st.booleans(),
)


def _fold(records: list[ValidRecord]) -> ValidRecord:
    return normal(reduce(lambda acc, r: merge(acc, r).record, records[1:], records[0]))


@settings(max_examples=300, deadline=None)
@given(writes, writes)
def test_merge_is_commutative(a: ValidRecord, b: ValidRecord) -> None:
    assert normal(merge(a, b).record) == normal(merge(b, a).record)


@settings(max_examples=300, deadline=None)
@given(writes, writes, writes)
def test_merge_is_associative(a: ValidRecord, b: ValidRecord, c: ValidRecord) -> None:
    left = merge(merge(a, b).record, c).record
    right = merge(a, merge(b, c).record).record
    assert normal(left) == normal(right)


@settings(max_examples=300, deadline=None)
@given(writes, writes)
def test_merging_twice_changes_nothing(a: ValidRecord, b: ValidRecord) -> None:
    once = merge(a, b).record
    again = merge(once, b)
    assert again.kind == "same" and normal(again.record) == normal(once)
    assert merge(once, once).kind == "same"


@settings(max_examples=200, deadline=None)
@given(st.lists(writes, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_any_order_any_duplicates_same_row(records: list[ValidRecord], rnd: Any) -> None:
    shuffled = records + records[: rnd.randint(0, len(records))]
    rnd.shuffle(shuffled)
    assert _fold(shuffled) == _fold(records)


ROW2 = "1e1e1e1e-0000-4000-8000-000000000000"
keyed = st.builds(lambda r, second: replace(r, id=ROW2) if second else r, writes, st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(keyed, min_size=1, max_size=8), st.lists(keyed, max_size=2),
       st.lists(st.integers(1, 7), max_size=3))
def test_a_bundle_taken_in_runs_merges_as_the_whole(records: list[ValidRecord],
                                                    held: list[ValidRecord],
                                                    cuts: list[int]) -> None:
    # The importer merges a bundle a run at a time and writes each run's new and changed rows
    # before the next: what it reports and what ends up stored must be what one merge of the
    # whole bundle says.
    local = {(r.table, r.id): r for r in held}
    whole = merge_all(local, records)
    merger = RunMerger()
    stored = dict(local)
    bounds = sorted({0, len(records), *(c for c in cuts if c < len(records))})
    for start, end in itertools.pairwise(bounds):
        now = merger.merge(local, records[start:end])
        for key, result in now.items():
            assert (result.kind == "new") == (key not in stored)
            if result.kind != "same":
                stored[key] = result.record
            else:
                assert normal(result.record) == normal(stored[key])
        merger.keep(now)
    assert merger.results.keys() == whole.keys()
    for key, result in whole.items():
        got = merger.results[key]
        assert (got.kind, set(got.changed_fields)) == (result.kind, set(result.changed_fields))
        assert normal(got.record) == normal(result.record) == normal(stored[key])
        assert sorted(map(repr, got.reviews)) == sorted(map(repr, result.reviews))
