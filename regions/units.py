"""Counted units per basis: which kab/kota a target counts, and as how many units (DESIGN §4).

KemenPANRB counts the 508 autonomous kab/kota plus DKI Jakarta as one unit (509): DKI's six administrative
units are not autonomous regions, and the province is covered when any of them is. Kemendagri counts all
514 kab/kota of its registry. Targets, the recompute, quality's fiscal lens and the demo fill ask here.
"""
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Region

# DKI Jakarta's province code: the one unit its administrative kab/kota make on KemenPANRB's basis.
DKI_UNIT = "31"


class Basis(models.TextChoices):
    KEMENPANRB = "kemenpanrb", _("basis KemenPANRB")
    KEMENDAGRI = "kemendagri", _("basis Kemendagri")


def collapses_dki(basis: str) -> bool:
    """Whether DKI Jakarta's administrative units count as one unit on this basis."""
    return basis == Basis.KEMENPANRB


def autonomous_regions() -> QuerySet:
    """The autonomous kab/kota (508): the registry without DKI Jakarta's administrative units."""
    return Region.objects.filter(is_dki_administrative=False)


def unit_key(region: Region, basis: str = Basis.KEMENPANRB) -> str:
    """The unit a region counts toward: its own code, or DKI Jakarta's for its administrative units."""
    return DKI_UNIT if collapses_dki(basis) and region.is_dki_administrative else region.code


def unit_count(basis: str) -> int:
    """How many units the registry holds on ``basis`` (509 or 514 with the full registry loaded)."""
    if not collapses_dki(basis):
        return Region.objects.count()
    return autonomous_regions().count() + int(Region.objects.filter(is_dki_administrative=True).exists())
