"""Writes for the regions app. Each service runs in one transaction and records what it changed."""
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.access import can, is_admin
from mpp_portal.audit import Audited, audited_save, change_record_create, diff, snapshot
from mpp_portal.demo_events import demo_mpps_replacing
from mpp_portal.errors import Conflict
from mpp_portal.events import progress_changed_announce
from mpp_portal.models import ChangeRecord
from mpp_portal.uploads import document_accept

from . import lifecycle
from .models import Inauguration, Mpp, Province, Region, StatusUpdate
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


# --- MPP records: the one gateway -------------------------------------------------------------------
#
# Every write of an Mpp row — pages, API, imports, linking to an inauguration, MPP Digital and OSS, the
# loaders — goes through ``mpp_write``: permission, field rules and the lifecycle (``regions.lifecycle``),
# the guarded ``UPDATE ... WHERE version = n``, the status update and the change record, then the
# ``progress_changed`` announcement on commit. ``mpp_create``, ``mpp_update`` and ``mpp_status_update`` are
# its named entry points for people; ``mpps_bulk_create`` is its batch form for generated fills.

class VersionConflict(Conflict, ValidationError):
    """The record changed since the caller read it: nothing was written. The API answers 409 with ``body``
    (through ``mpp_portal.errors.api_exception_handler``)."""

    def __init__(self, *, current: int):
        super().__init__(
            _("Data MPP ini sudah diubah orang lain (kini versi %(version)s). Muat ulang halaman, periksa "
              "perubahan terbaru, lalu ulangi perubahan Anda.") % {"version": current},
            code="version_conflict",
        )
        self.current = current

    @property
    def body(self) -> dict:
        """The one 409 body, for every API that writes MPPs."""
        return {"version": self.messages, "current_version": self.current}


# What a create or an update may set. ``is_demo`` and ``counts_unknown`` are the admins' (and loaders') call.
MPP_FIELDS = (
    "name", "address", "inaugurated_on", "inauguration", "tenant_count", "service_count", "oss_integrated",
    "oss_integrated_on", "digital_status", "digital_since", "latitude", "longitude", "source",
    "tenant_list_complete",
)
MPP_ADMIN_FIELDS = ("is_demo", "counts_unknown")
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
    allowed = ("status", *MPP_FIELDS) + (MPP_ADMIN_FIELDS if _acting_admin(user) else ())
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise ValidationError({name: [_("Kolom ini tidak dapat diubah di sini.")] for name in unknown})


def _mpp_errors(mpp: Mpp) -> dict[str, list[str]]:
    """Field errors of an MPP as it would be saved: the model's own checks, the MPP Digital and OSS rules and
    the lifecycle requirements of its status."""
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
    if mpp.digital_status == Mpp.DigitalStatus.LIVE and mpp.digital_since is None:
        errors.setdefault("digital_since", []).append(_("Isi tanggal MPP Digital mulai aktif."))
    if mpp.region_id and mpp.name:
        twins = Mpp.objects.filter(region_id=mpp.region_id, name__iexact=mpp.name.strip()).exclude(pk=mpp.pk)
        if not mpp.is_demo:
            twins = twins.exclude(is_demo=True)  # a recorded MPP replaces the region's demo ones
        if twins.exists():
            errors.setdefault("name", []).append(_("Wilayah ini sudah memiliki MPP dengan nama yang sama."))
    if mpp.status in Mpp.Status.values and not errors.get("inaugurated_on"):
        for name, messages in lifecycle.requirement_errors(
            status=mpp.status, inaugurated_on=mpp.inaugurated_on,
            tenant_count=mpp.tenant_count or 0, service_count=mpp.service_count or 0,
            counts_unknown=mpp.counts_unknown,
            date_unknown=mpp.inauguration is not None and mpp.inauguration.date is None,
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


def _announce() -> None:
    progress_changed_announce(sender="regions")


def region_demo_mpps_replace(*, region: Region, user, reason: str = "") -> list[str]:
    """Remove ``region``'s demo MPPs because a recorded write for the region arrived: recorded facts win.

    Called by ``mpp_write`` inside every recorded write's transaction (pages, API, import, loaders), so the
    region never shows a demo MPP beside a recorded one. Each removal leaves a change record in the region's
    history; apps that hang demo records on those MPPs remove theirs (``mpp_portal.demo_events``). Returns the
    names removed, for the caller's report.
    """
    demo = list(Mpp.objects.filter(region=region, is_demo=True).order_by("pk"))
    if not demo:
        return []
    note = "Data contoh diganti data tercatat" + (f": {reason}" if reason else "")
    events = {mpp.inauguration_id for mpp in demo if mpp.inauguration_id}
    demo_mpps_replacing.send(sender=Mpp, mpp_ids=[mpp.pk for mpp in demo])
    for mpp in demo:
        change_record_create(
            instance=mpp, user=user, action=ChangeRecord.Action.DELETE, region=region, note=note,
            changes={"is_demo": [True, None], "name": [mpp.name, None], "status": [mpp.status, None]},
        )
    StatusUpdate.objects.filter(mpp__in=demo).delete()
    Mpp.objects.filter(pk__in=[mpp.pk for mpp in demo]).delete()
    # A demo ceremony left without MPPs goes with them.
    Inauguration.objects.filter(pk__in=events, is_demo=True, mpps__isnull=True).delete()
    _announce()
    return [mpp.name for mpp in demo]


@dataclass
class MppWritten:
    """What ``mpp_write`` did: the MPP as saved, its status update (when the status moved), the changes, and
    the names of the region's demo MPPs the recorded write replaced."""

    mpp: Mpp
    status_update: StatusUpdate | None = None
    changes: dict = field(default_factory=dict)
    created: bool = False
    replaced_demo: list[str] = field(default_factory=list)


@transaction.atomic
def mpp_write(
    *, user, mpp: Mpp | None = None, region: Region | None = None, version: int | None = None, fields: dict,
    note: str = "", evidence=None, action: str = "", history_note: str | None = None,
    tenants: list[dict] | None = None, tenants_partial: bool = False,
) -> MppWritten:
    """The one writer of MPP rows. Creates an MPP in ``region`` (``mpp=None``) or changes ``mpp``.

    ``fields`` may include ``status``: the lifecycle decides the move (from "planned" for a new MPP) and
    the requirements of the resulting record. ``version`` is the one the caller read; when given and
    stale, ``VersionConflict``. Without it the write is still guarded against a concurrent writer.
    ``action`` names the change record ("create", "update", "status", "import"); ``history_note`` its
    note when it differs from ``note`` (the reason given with a status move).
    ``tenants`` (a list of agencies in plain form, ``regions.tenants``), when given, replaces the MPP's
    tenant list and marks it complete; ``tenants_partial`` (one agency linked, ``reports.tenant_link``) keeps
    the MPP's completeness as it is. The tenant and service counts of an MPP with a complete list are derived
    from it (``tenant_totals``), and a count set by hand that differs from its list's is refused; a partial
    list leaves the recorded counts standing.
    Raises ``PermissionDenied`` outside the user's scope and ``ValidationError`` with field errors; in
    every case nothing is written. Announces ``progress_changed`` once the transaction commits.
    """
    from . import tenants as tenant_rules

    fields = dict(fields)
    _check_fields(user, fields)
    tenant_list, tenant_errors = tenant_rules.tenants_clean(tenants) if tenants is not None else (None, [])
    note = (note or "").strip()
    if mpp is None:
        _require_change(user, region)
        current = None
        draft = Mpp(region=region, status=Mpp.Status.PLANNED)
    else:
        _require_change(user, mpp)
        current = Mpp.objects.select_related("region", "inauguration").get(pk=mpp.pk)
        if version is not None and current.version != version:
            raise VersionConflict(current=current.version)
        draft = Mpp.objects.select_related("region", "inauguration").get(pk=mpp.pk)
    existing = tenant_rules.tenant_rows(current) if current is not None else []
    was_complete = current.tenant_list_complete if current is not None else False
    if tenant_list is not None and not tenants_partial:
        fields["tenant_list_complete"] = True
    complete = fields.get("tenant_list_complete", was_complete)
    count_errors = tenant_rules.count_errors(
        fields=fields, rows=existing if tenant_list is None else tenant_list, complete=complete)
    if complete and not tenant_errors and not count_errors:
        fields.update(tenant_rules.tenant_totals(existing if tenant_list is None else tenant_list) or {})
    from_status = draft.status
    for name, value in fields.items():
        setattr(draft, name, value.strip() if name == "name" and isinstance(value, str) else value)
    errors: dict[str, list[str]] = {}
    if draft.status != from_status:
        errors.update(lifecycle.move_errors(
            current=from_status, target=draft.status, note=note, is_admin=_acting_admin(user)))
    if not errors:
        errors = _mpp_errors(draft)
    errors.update(count_errors)
    if tenant_errors:
        errors.setdefault("tenants", []).extend(tenant_errors)
    if evidence is not None:
        try:
            document_accept(evidence)
        except ValidationError as error:
            errors.setdefault("evidence", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)

    replaced: list[str] = []
    if current is None:
        if not draft.is_demo:
            replaced = region_demo_mpps_replace(region=draft.region, user=user, reason=history_note or draft.name)
        draft.updated_by = _signed_in(user)
        draft.save()
        saved = draft
        changes = {k: [None, v] for k, v in snapshot(saved, list(MPP_TRACKED)).items() if v not in (None, "")}
    else:
        changes = diff(snapshot(current, list(MPP_TRACKED)), snapshot(draft, list(MPP_TRACKED)))
        if tenant_list is not None and tenant_list != existing:
            changes["tenants"] = [existing, tenant_list]
        if not changes:
            return MppWritten(mpp=current)
        saved = _write_versioned(
            mpp_pk=current.pk, version=current.version if version is None else version, user=user,
            values={name: getattr(draft, name) for name in fields},
        )
        if not saved.is_demo:
            replaced = region_demo_mpps_replace(region=saved.region, user=user, reason=history_note or saved.name)
    if tenant_list is not None and tenant_list != existing:
        if current is None:
            changes["tenants"] = [[], tenant_list]
        tenant_rules.tenants_replace(mpp=saved, rows=tenant_list)
    update = None
    if saved.status != from_status:
        update = StatusUpdate.objects.create(
            mpp=saved, from_status=from_status, to_status=saved.status, note=note, evidence=evidence or "",
            by=_signed_in(user),
        )
        if update.evidence:
            changes["evidence"] = [None, update.evidence.name]
    if not action:
        action = ChangeRecord.Action.CREATE if current is None else (
            ChangeRecord.Action.STATUS if update is not None else ChangeRecord.Action.UPDATE)
    change_record_create(
        instance=saved, user=user, action=action, changes=changes,
        note=note if history_note is None else history_note, region=saved.region,
    )
    _announce()
    return MppWritten(mpp=saved, status_update=update, changes=changes, created=current is None,
                      replaced_demo=replaced)


def mpp_create(*, user, region: Region, name: str, note: str = "", **fields) -> Mpp:
    """Record a new MPP in ``region`` (officers: their own regions only). This changes progress.

    ``status`` may be given to record an MPP found already past "planned" (the lifecycle decides, as for
    any forward move); later moves go through ``mpp_status_update``.
    """
    return mpp_write(user=user, region=region, fields={"name": name or "", **fields}, note=note).mpp


def mpp_update(*, user, mpp: Mpp, version: int, note: str = "", **fields) -> Mpp:
    """Correct an MPP's details, based on the ``version`` the caller read. This changes progress.

    Raises ``VersionConflict`` when someone else changed the MPP since, ``PermissionDenied`` outside
    the user's scope, ``ValidationError`` for bad values; in every case nothing is written. The status
    moves only through ``mpp_status_update``.
    """
    if "status" in fields:
        raise ValidationError({"status": [_("Kolom ini tidak dapat diubah di sini.")]})
    return mpp_write(user=user, mpp=mpp, version=version, fields=fields, note=note).mpp


def mpp_status_update(
    *, user, mpp: Mpp, status: str, note: str = "", inaugurated_on=None, evidence=None, version: int | None = None
) -> StatusUpdate:
    """Move an MPP along its lifecycle (``regions.lifecycle`` decides), with a note and optional evidence
    (PDF, JPEG or PNG up to 10 MB). This changes progress.

    ``version``, when given, must be the one the caller read (``VersionConflict`` otherwise); either way
    the write is guarded against a concurrent writer.
    """
    fields = {"status": status}
    if inaugurated_on is not None:
        fields["inaugurated_on"] = inaugurated_on
    current_status = Mpp.objects.values_list("status", flat=True).get(pk=mpp.pk)
    if status == current_status:
        # Staying put is not a move: the lifecycle's own words say why.
        _require_change(user, mpp)
        raise ValidationError(lifecycle.move_errors(
            current=current_status, target=status, note=note, is_admin=_acting_admin(user)))
    written = mpp_write(user=user, mpp=mpp, version=version, fields=fields, note=note, evidence=evidence,
                        action=ChangeRecord.Action.STATUS)
    return written.status_update


@transaction.atomic
def mpps_bulk_create(*, user, mpps: list[Mpp], note: str = "") -> list[Mpp]:
    """Create many unsaved MPPs at once (generated fills such as the demo timeline), under the same rules
    as ``mpp_write``: every record must be valid in its status, which the lifecycle reaches from "planned".
    All or nothing; one status update and one change record per MPP; one announcement."""
    errors: dict[str, list[str]] = {}
    for mpp in mpps:
        _require_change(user, mpp.region)
        for name, messages in _mpp_errors(mpp).items():
            errors.setdefault(name, []).extend(f"{mpp.region.code} {mpp.name}: {m}" for m in messages)
    if errors:
        raise ValidationError(errors)
    for mpp in mpps:
        mpp.updated_by = _signed_in(user)
    created = Mpp.objects.bulk_create(mpps)  # SQLite and PostgreSQL return the new ids
    StatusUpdate.objects.bulk_create(
        StatusUpdate(mpp=mpp, from_status=Mpp.Status.PLANNED, to_status=mpp.status, note=note, by=_signed_in(user))
        for mpp in created if mpp.status != Mpp.Status.PLANNED
    )
    for mpp in created:
        change_record_create(
            instance=mpp, user=user, action=ChangeRecord.Action.CREATE, note=note, region=mpp.region,
            changes={k: [None, v] for k, v in snapshot(mpp, list(MPP_TRACKED)).items() if v not in (None, "")},
        )
    if created:
        _announce()
    return created


@transaction.atomic
def mpps_demo_delete(*, user, note: str = "load_demo --clear") -> int:
    """Remove the MPPs marked as demo data and their status updates (admins and the loaders only); the
    change history keeps a record of each. Returns how many were removed."""
    if not _acting_admin(user):
        raise PermissionDenied(_("Hanya admin yang dapat menghapus data contoh."))
    demo = list(Mpp.objects.filter(is_demo=True).select_related("region"))
    for mpp in demo:
        change_record_create(instance=mpp, user=user, action=ChangeRecord.Action.DELETE, note=note, region=mpp.region)
    StatusUpdate.objects.filter(mpp__is_demo=True).delete()
    Mpp.objects.filter(pk__in=[mpp.pk for mpp in demo]).delete()
    if demo:
        _announce()
    return len(demo)


def region_recorded_commitment_signed_set(*, region_ids, signed: bool) -> int:
    """As ``region_commitment_signed_set``, counting recorded (non-demo) commitments only."""
    return Region.objects.filter(pk__in=list(region_ids)).exclude(has_recorded_signed_commitment=signed).update(
        has_recorded_signed_commitment=signed)


def region_commitment_signed_set(*, region_ids, signed: bool) -> int:
    """Mark whether the regions' heads have signed a commitment (the commitments app says so after each change
    of its records, in its own transaction and with its own change record). Returns how many regions changed."""
    return Region.objects.filter(pk__in=list(region_ids)).exclude(has_signed_commitment=signed).update(
        has_signed_commitment=signed)


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
