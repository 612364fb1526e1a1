"""The agencies serving in an MPP (tenant list): its plain form (what reports carry and the history
records), its rules, and the one function that derives an MPP's tenant and service counts from it.

Written only by ``regions.services.mpp_write`` (``tenants=``); officers propose a new list in a report
(``regions.reports``), verified like any other change.
"""
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Mpp, MppTenant

COUNT_MAX = 2_147_483_647
KEYS = ("name", "kind", "service_count", "since", "institution_key")


def tenant_rows(mpp: Mpp) -> list[dict]:
    """The MPP's verified list in plain form (JSON values), by name."""
    return [
        {"name": t.name, "kind": t.kind, "service_count": t.service_count,
         "since": t.since.isoformat() if t.since else None, "institution_key": t.institution_key}
        for t in MppTenant.objects.filter(mpp_id=mpp.pk).order_by("name")
    ]


def _date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return "invalid"


def tenants_clean(entries) -> tuple[list[dict], list[str]]:
    """A proposed list in plain form (sorted by name) and every error of it at once."""
    errors: list[str] = []
    rows: list[dict] = []
    if not isinstance(entries, (list, tuple)):
        return [], [_("Daftar instansi harus berupa daftar.")]
    seen: set[str] = set()
    kinds = set(MppTenant.Kind.values)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            errors.append(_("Baris %(n)s: isian tidak dikenal.") % {"n": number})
            continue
        name = str(entry.get("name") or "").strip()
        kind = entry.get("kind") or ""
        count = entry.get("service_count", 0)
        since = _date(entry.get("since"))
        key = str(entry.get("institution_key") or "").strip()
        if not name:
            errors.append(_("Baris %(n)s: nama instansi wajib diisi.") % {"n": number})
        elif name.casefold() in seen:
            errors.append(_("Baris %(n)s: %(name)s tercantum dua kali.") % {"n": number, "name": name})
        seen.add(name.casefold())
        if len(name) > 200 or len(key) > 60:
            errors.append(_("Baris %(n)s: nama atau kunci instansi terlalu panjang.") % {"n": number})
        if kind not in kinds:
            errors.append(_("Baris %(n)s: jenis instansi tidak dikenal.") % {"n": number})
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= COUNT_MAX:
            errors.append(_("Baris %(n)s: jumlah layanan harus bilangan bulat 0 atau lebih.") % {"n": number})
            count = 0
        if since == "invalid":
            errors.append(_("Baris %(n)s: tanggal mulai melayani tidak valid.") % {"n": number})
            since = None
        elif since is not None and since > timezone.localdate():
            errors.append(_("Baris %(n)s: tanggal mulai melayani tidak boleh di masa depan.") % {"n": number})
        rows.append({"name": name, "kind": kind, "service_count": count,
                     "since": since.isoformat() if since else None, "institution_key": key})
    return sorted(rows, key=lambda row: row["name"].casefold()), errors


def tenant_totals(rows: list[dict]) -> dict[str, int] | None:
    """The one derivation: an MPP with a tenant list has as many tenants as the list names and as many
    services as its entries add up to; ``None`` when there is no list (the MPP's own counts stand)."""
    if not rows:
        return None
    return {"tenant_count": len(rows), "service_count": sum(int(row["service_count"]) for row in rows)}


def count_errors(*, fields: dict, rows: list[dict] | None, complete: bool = True) -> dict[str, list[str]]:
    """Counts set by hand on an MPP that has (or gets) a complete tenant list must be the list's: they are
    derived. A partial list (one linked agency) leaves the counts to be set as recorded."""
    totals = tenant_totals(rows or []) if complete else None
    if totals is None:
        return {}
    return {
        name: [_("Dihitung dari daftar instansi (%(value)s); ubah daftar instansinya.") % {"value": totals[name]}]
        for name in ("tenant_count", "service_count")
        if name in fields and fields[name] is not None and int(fields[name]) != totals[name]
    }


def tenants_summary(rows: list[dict] | None) -> str:
    """How a report or the history shows a list: "3 instansi, 41 layanan"."""
    totals = tenant_totals(rows or [])
    if totals is None:
        return _("tanpa daftar instansi")
    return _("%(tenants)s instansi, %(services)s layanan: %(names)s") % {
        "tenants": totals["tenant_count"], "services": totals["service_count"],
        "names": ", ".join(row["name"] for row in rows),
    }


def counts_from_list(mpp: Mpp) -> bool:
    """Whether the MPP's counts are derived from its tenant list (pages and API say so): a complete list."""
    if not mpp.tenant_list_complete:
        return False
    cached = getattr(mpp, "_prefetched_objects_cache", {}).get("tenants")
    return bool(cached) if cached is not None else MppTenant.objects.filter(mpp_id=mpp.pk).exists()


def tenants_replace(*, mpp: Mpp, rows: list[dict]) -> None:
    """Store a cleaned list as the MPP's. Only ``regions.services.mpp_write`` calls this (the one writer)."""
    MppTenant.objects.filter(mpp=mpp).delete()
    MppTenant.objects.bulk_create([
        MppTenant(mpp=mpp, name=row["name"], kind=row["kind"], service_count=row["service_count"],
                  since=_date(row["since"]), institution_key=row["institution_key"], is_demo=mpp.is_demo)
        for row in rows
    ])
