"""Writes for the regions app. Each service runs in one transaction and records what it changed."""
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from dashboards.services import progress_recompute_schedule
from mpp_portal.access import can, is_admin
from mpp_portal.audit import Audited, audited_save, change_record_create, diff, snapshot
from mpp_portal.errors import Conflict
from mpp_portal.models import ChangeRecord
from mpp_portal.uploads import validate_document

from . import lifecycle
from .models import Mpp, Province, Region, StatusUpdate
from .registry import ProvinceEntry, RegionEntry


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_in_registry: list[str] = field(default_factory=list)


def _registry_save(obj) -> None:
    if isinstance(obj, Audited):
        audited_save(obj, user=None, note="load_regions", always=True)
    else:
        obj.save()


def _sync(model, key: str, rows: dict[str, dict], report: SyncReport, *, label: str) -> dict[str, object]:
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            obj = model(**{key: code}, **values)
            _registry_save(obj)
            existing[code] = obj
            report.created.append(f"{label} {code} {values['name']}")
            continue
        before = {k: getattr(obj, k) for k in values if k != "province"}
        after = {k: v for k, v in values.items() if k != "province"}
        moved = "province" in values and obj.province_id != values["province"].pk
        if before == after and not moved:
            report.unchanged += 1
            continue
        for k, v in values.items():
            setattr(obj, k, v)
        _registry_save(obj)
        report.updated.append(f"{label} {code} {values['name']}")
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


# --- MPP records -------------------------------------------------------------------------------------

class VersionConflict(Conflict, ValidationError):
    """The record changed since the caller read it: nothing was written. The API answers 409."""

    def __init__(self, *, current: int):
        super().__init__(
            _("Data MPP ini sudah diubah orang lain (kini versi %(version)s). Muat ulang halaman, periksa "
              "perubahan terbaru, lalu ulangi perubahan Anda.") % {"version": current},
            code="version_conflict",
        )
        self.current = current


# What a create or an update may set. The status only moves through ``mpp_status_update``; ``is_demo`` is
# the admins' call.
MPP_FIELDS = (
    "name", "address", "inaugurated_on", "inauguration", "tenant_count", "service_count", "oss_integrated",
    "oss_integrated_on", "digital_status", "digital_since", "latitude", "longitude",
)
MPP_ADMIN_FIELDS = ("is_demo",)
# What the change history records of an MPP.
MPP_TRACKED = ("region", "status", *MPP_FIELDS, "is_demo")


def _acting_admin(user) -> bool:
    # ``user=None`` is the system itself (management commands and loaders), never a request.
    return user is None or is_admin(user)


def _signed_in(user):
    """The user to name as author of a write; ``None`` for the system."""
    return user if user is not None and user.is_authenticated else None


# The largest value an integer column holds on PostgreSQL.
COUNT_MAX = 2_147_483_647


def _check_fields(user, fields: dict) -> None:
    allowed = MPP_FIELDS + (MPP_ADMIN_FIELDS if _acting_admin(user) else ())
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValidationError({name: [_("Kolom ini tidak dapat diubah di sini.")] for name in unknown})


def _mpp_errors(mpp: Mpp) -> dict[str, list[str]]:
    """Field errors of an MPP as it would be saved: the model's own checks plus the lifecycle requirements."""
    errors: dict[str, list[str]] = {}
    try:
        mpp.full_clean(exclude=["version", "updated_by"])
    except ValidationError as error:
        errors.update(error.message_dict)
    for name in ("tenant_count", "service_count"):
        # PostgreSQL's full_clean knows the column's range; SQLite's does not, so say it on every database.
        value = getattr(mpp, name)
        if value is not None and value > COUNT_MAX and not errors.get(name):
            errors[name] = [_("Angka ini terlalu besar (paling banyak %(max)s).") % {"max": COUNT_MAX}]
    today = lifecycle.today()
    for name in ("oss_integrated_on", "digital_since"):
        value = getattr(mpp, name)
        if value is not None and value > today:
            errors.setdefault(name, []).append(_("Tanggal tidak boleh di masa depan."))
    if mpp.oss_integrated_on and not mpp.oss_integrated:
        errors.setdefault("oss_integrated", []).append(_("Tandai terintegrasi OSS bila tanggal integrasi diisi."))
    if mpp.digital_since and mpp.digital_status == Mpp.DigitalStatus.NONE:
        errors.setdefault("digital_status", []).append(_("Pilih status MPP Digital bila tanggalnya diisi."))
    if mpp.region_id and mpp.name:
        twins = Mpp.objects.filter(region_id=mpp.region_id, name__iexact=mpp.name.strip()).exclude(pk=mpp.pk)
        if twins.exists():
            errors.setdefault("name", []).append(_("Wilayah ini sudah memiliki MPP dengan nama yang sama."))
    if mpp.status in Mpp.Status.values and not errors.get("inaugurated_on"):
        for name, messages in lifecycle.requirement_errors(
            status=mpp.status, inaugurated_on=mpp.inaugurated_on,
            tenant_count=mpp.tenant_count or 0, service_count=mpp.service_count or 0,
        ).items():
            errors.setdefault(name, []).extend(messages)
    return errors


def _require_change(user, obj) -> None:
    if user is not None and not can(user, obj, action="change"):
        raise PermissionDenied(_("Anda tidak berwenang mengubah data wilayah ini."))


def _write_versioned(*, mpp_pk: int, version: int, user, values: dict) -> Mpp:
    """Write ``values`` only if the row is still at ``version``: a single UPDATE ... WHERE version = n, so
    of two concurrent writers exactly one wins and the other gets a conflict."""
    written = Mpp.objects.filter(pk=mpp_pk, version=version).update(
        **values, version=F("version") + 1, updated_at=timezone.now(),
        updated_by=_signed_in(user),
    )
    if not written:
        raise VersionConflict(current=Mpp.objects.values_list("version", flat=True).get(pk=mpp_pk))
    return Mpp.objects.select_related("region").get(pk=mpp_pk)


@transaction.atomic
def mpp_create(*, user, region: Region, name: str, **fields) -> Mpp:
    """Record a new MPP in ``region`` (officers: their own regions only). This changes progress.

    ``status`` may be given to record an MPP found already past "planned" (it must meet that status's
    requirements); later moves go through ``mpp_status_update``.
    """
    _require_change(user, region)
    status = fields.pop("status", Mpp.Status.PLANNED)
    _check_fields(user, fields)
    mpp = Mpp(region=region, name=(name or "").strip(), status=status, **fields)
    mpp.updated_by = _signed_in(user)
    errors = _mpp_errors(mpp)
    if errors:
        raise ValidationError(errors)
    mpp.save()
    change_record_create(
        instance=mpp, user=user, action=ChangeRecord.Action.CREATE,
        changes={k: [None, v] for k, v in snapshot(mpp, list(MPP_TRACKED)).items() if v not in (None, "")},
        region=region,
    )
    progress_recompute_schedule()
    return mpp


@transaction.atomic
def mpp_update(*, user, mpp: Mpp, version: int, note: str = "", **fields) -> Mpp:
    """Correct an MPP's details, based on the ``version`` the caller read. This changes progress.

    Raises ``VersionConflict`` when someone else changed the MPP since, ``PermissionDenied`` outside
    the user's scope, ``ValidationError`` for bad values; in every case nothing is written.
    """
    _require_change(user, mpp)
    _check_fields(user, fields)
    current = Mpp.objects.select_related("region").get(pk=mpp.pk)
    if current.version != version:
        raise VersionConflict(current=current.version)
    before = snapshot(current, list(MPP_TRACKED))
    for name, value in fields.items():
        setattr(current, name, value.strip() if name == "name" and isinstance(value, str) else value)
    errors = _mpp_errors(current)
    if errors:
        raise ValidationError(errors)
    changes = diff(before, snapshot(current, list(MPP_TRACKED)))
    if not changes:
        return current
    saved = _write_versioned(
        mpp_pk=current.pk, version=version, user=user, values={n: getattr(current, n) for n in fields},
    )
    change_record_create(
        instance=saved, user=user, action=ChangeRecord.Action.UPDATE, changes=changes, note=note.strip(),
        region=saved.region,
    )
    progress_recompute_schedule()
    return saved


@transaction.atomic
def mpp_status_update(
    *, user, mpp: Mpp, status: str, note: str = "", inaugurated_on=None, evidence=None, version: int | None = None
) -> StatusUpdate:
    """Move an MPP along its lifecycle (``regions.lifecycle`` decides), with a note and optional evidence
    (PDF, JPEG or PNG up to 10 MB). This changes progress.

    ``version``, when given, must be the one the caller read (``VersionConflict`` otherwise); either way
    the write is guarded against a concurrent writer.
    """
    _require_change(user, mpp)
    current = Mpp.objects.select_related("region").get(pk=mpp.pk)
    if version is not None and current.version != version:
        raise VersionConflict(current=current.version)
    note = (note or "").strip()
    inaugurated = inaugurated_on if inaugurated_on is not None else current.inaugurated_on
    errors = lifecycle.transition_errors(
        current=current.status, target=status, note=note, is_admin=_acting_admin(user),
        inaugurated_on=inaugurated, tenant_count=current.tenant_count, service_count=current.service_count,
    )
    if evidence is not None:
        try:
            validate_document(evidence)
        except ValidationError as error:
            errors.setdefault("evidence", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    before = snapshot(current, ["status", "inaugurated_on"])
    saved = _write_versioned(
        mpp_pk=current.pk, version=current.version, user=user,
        values={"status": status, "inaugurated_on": inaugurated},
    )
    update = StatusUpdate.objects.create(
        mpp=saved, from_status=current.status, to_status=status, note=note, evidence=evidence or "",
        by=_signed_in(user),
    )
    changes = diff(before, snapshot(saved, ["status", "inaugurated_on"]))
    if update.evidence:
        changes["evidence"] = [None, update.evidence.name]
    change_record_create(
        instance=saved, user=user, action=ChangeRecord.Action.STATUS, changes=changes, note=note,
        region=saved.region,
    )
    progress_recompute_schedule()
    return update


@transaction.atomic
def region_officers_set(*, user, region: Region, officers) -> Region:
    """Set the officers of a region (admins only), recording who was added and removed."""
    if not _acting_admin(user):
        raise PermissionDenied(_("Hanya admin yang dapat menetapkan petugas wilayah."))
    before = sorted(region.officers.values_list("username", flat=True))
    region.officers.set(officers)
    after = sorted(region.officers.values_list("username", flat=True))
    if before != after:
        change_record_create(
            instance=region, user=user, action=ChangeRecord.Action.UPDATE,
            changes={"officers": [", ".join(before), ", ".join(after)]}, region=region,
        )
    return region
