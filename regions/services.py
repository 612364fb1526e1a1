"""Writes for the regions app. Each service runs in one transaction and records what it changed."""
from dataclasses import dataclass, field

from django.db import transaction

from mpp_portal.audit import change_record_create

from .models import Province, Region
from .registry import ProvinceEntry, RegionEntry


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_registry: list[str] = field(default_factory=list)


def _sync(model, key: str, rows: dict[str, dict], report: SyncReport, *, label: str) -> dict[str, object]:
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            obj = model.objects.create(**{key: code}, **values)
            existing[code] = obj
            report.created.append(f"{label} {code} {values['name']}")
            if isinstance(obj, Region):
                change_record_create(instance=obj, user=None, action="create", changes={
                    k: [None, getattr(obj, k)] for k in ("name", "kind")}, note="load_regions", region=obj)
            continue
        before = {k: getattr(obj, k) for k in values if k != "province"}
        after = {k: v for k, v in values.items() if k != "province"}
        moved = "province" in values and obj.province_id != values["province"].pk
        if before == after and not moved:
            report.unchanged += 1
            continue
        for k, v in values.items():
            setattr(obj, k, v)
        obj.save()
        report.updated.append(f"{label} {code} {values['name']}")
        if isinstance(obj, Region):
            changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
            change_record_create(instance=obj, user=None, action="update", changes=changes,
                                 note="load_regions", region=obj)
    report.not_in_registry += [f"{label} {code}" for code in existing if code not in rows]
    return existing


@transaction.atomic
def region_registry_sync(*, provinces: list[ProvinceEntry], regions: list[RegionEntry]) -> SyncReport:
    """Create or update provinces and kab/kota from the registry. Never deletes: records elsewhere refer to them."""
    report = SyncReport()
    by_code = _sync(Province, "code", {p.code: {"name": p.name} for p in provinces}, report, label="provinsi")
    _sync(
        Region,
        "code",
        {
            r.code: {
                "name": r.name,
                "kind": r.kind,
                "province": by_code[r.province_code],
                "is_dki_administrative": r.is_dki_administrative,
            }
            for r in regions
        },
        report,
        label="kab/kota",
    )
    return report
