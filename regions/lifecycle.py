"""The MPP status lifecycle (DESIGN §4), decided here and nowhere else.

planned -> committed -> preparing -> operating; a forward move may skip stages when the target status's
requirements hold (an MPP inaugurated in a batch goes from committed to operating in one step); any status ->
suspended (with a reason); suspended -> operating. Any other move back is an admin correction and needs a
reason. Every write of an MPP's status (pages, API, imports, loaders) passes through
``regions.services.mpp_write``, which asks this module.
"""
import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.dates import programme_date_error

from .models import Mpp

Status = Mpp.Status

ORDER = [Status.PLANNED, Status.COMMITTED, Status.PREPARING, Status.OPERATING]
FORWARD = {
    **{status: set(ORDER[index + 1:]) for index, status in enumerate(ORDER)},
    Status.SUSPENDED: {Status.OPERATING},
}


def today() -> datetime.date:
    return timezone.localdate()


def is_correction(current: str, target: str) -> bool:
    """A move back along the lifecycle (e.g. operating -> preparing): admins only, with a reason."""
    if target == Status.SUSPENDED or current == target:
        return False
    if current == Status.SUSPENDED:
        return target != Status.OPERATING
    return ORDER.index(target) < ORDER.index(current)


def requirement_errors(
    *, status: str, inaugurated_on: datetime.date | None, tenant_count: int, service_count: int,
    counts_unknown: bool = False, date_unknown: bool = False,
) -> dict[str, list[str]]:
    """What a record in ``status`` must satisfy, as field errors (empty when it does).

    Recorded history may say an MPP operates without giving its counts (``counts_unknown``) or the date of
    the ceremony that opened it (``date_unknown``: its inauguration event has no date); those are kept as
    unknown rather than invented. Neither can be set by an officer.
    """
    errors: dict[str, list[str]] = {}
    if inaugurated_on is not None and inaugurated_on > today():
        errors.setdefault("inaugurated_on", []).append(_("Tanggal peresmian tidak boleh di masa depan."))
    elif error := programme_date_error(inaugurated_on):
        errors.setdefault("inaugurated_on", []).append(error)
    if status == Status.OPERATING:
        if inaugurated_on is None and not date_unknown:
            errors.setdefault("inaugurated_on", []).append(
                _("MPP yang beroperasi harus memiliki tanggal peresmian.")
            )
        if counts_unknown:
            return errors
        if tenant_count < 1:
            errors.setdefault("tenant_count", []).append(
                _("MPP yang beroperasi harus memiliki sedikitnya 1 instansi/UPP.")
            )
        if service_count < 1:
            errors.setdefault("service_count", []).append(
                _("MPP yang beroperasi harus memiliki sedikitnya 1 layanan.")
            )
    return errors


def move_errors(*, current: str, target: str, note: str, is_admin: bool) -> dict[str, list[str]]:
    """Why the move itself from ``current`` to ``target`` is refused, as field errors (empty when allowed);
    the target status's requirements are ``requirement_errors``."""
    if target not in Status.values:
        return {"status": [_("Status \"%(status)s\" tidak dikenal.") % {"status": target}]}
    current_label, target_label = Status(current).label, Status(target).label
    if current == target:
        return {"status": [_("MPP sudah berstatus %(status)s.") % {"status": current_label}]}
    has_reason = bool(note and note.strip())
    if target == Status.SUSPENDED:
        if not has_reason:
            return {"note": [_("Alasan wajib diisi untuk menandai MPP tidak beroperasi.")]}
    elif is_correction(current, target):
        if not is_admin:
            return {"status": [
                _("Mengembalikan status dari %(from)s ke %(to)s hanya dapat dilakukan admin sebagai koreksi.")
                % {"from": current_label, "to": target_label}
            ]}
        if not has_reason:
            return {"note": [_("Koreksi status oleh admin wajib disertai alasan.")]}
    elif target not in FORWARD[Status(current)]:
        return {"status": [
            _("Perubahan status dari %(from)s ke %(to)s tidak diperbolehkan.")
            % {"from": current_label, "to": target_label}
        ]}
    return {}


def transition_errors(
    *, current: str, target: str, note: str, is_admin: bool, inaugurated_on: datetime.date | None,
    tenant_count: int, service_count: int, counts_unknown: bool = False, date_unknown: bool = False,
) -> dict[str, list[str]]:
    """Why moving an MPP from ``current`` to ``target`` is refused, as field errors (empty when allowed)."""
    errors = move_errors(current=current, target=target, note=note, is_admin=is_admin)
    if errors:
        return errors
    return requirement_errors(
        status=target, inaugurated_on=inaugurated_on, tenant_count=tenant_count, service_count=service_count,
        counts_unknown=counts_unknown, date_unknown=date_unknown,
    )


def requirements(target: str) -> list[str]:
    """What a move to ``target`` needs, in words, for the status form."""
    if target == Status.OPERATING:
        return [
            _("tanggal peresmian (tidak di masa depan)"),
            _("sedikitnya 1 instansi/UPP"),
            _("sedikitnya 1 layanan"),
        ]
    if target == Status.SUSPENDED:
        return [_("alasan di kolom catatan")]
    return []


@dataclass
class Move:
    status: str
    label: str
    allowed: bool
    requires: list[str] = field(default_factory=list)
    refusal: str = ""


def moves(*, current: str, is_admin: bool) -> list[Move]:
    """Every status an MPP in ``current`` could be given, in lifecycle order: whether the user may
    choose it, what it requires, and for a refused move why and what would make it legal."""
    result = []
    for target in [*ORDER, Status.SUSPENDED]:
        if target == current:
            continue
        label = Status(target).label
        if is_correction(current, target):
            if is_admin:
                result.append(Move(target, label, True, [_("alasan koreksi di kolom catatan")]))
            else:
                result.append(Move(target, label, False, refusal=_(
                    "Mundur dari %(from)s ke %(to)s adalah koreksi yang hanya dapat dilakukan admin, dengan "
                    "alasan. Hubungi admin portal bila status tercatat salah."
                ) % {"from": Status(current).label, "to": label}))
        else:
            result.append(Move(target, label, True, requirements(target)))
    return result
