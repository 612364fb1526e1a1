"""load_history records the 2023 Prima list and the 21 MPP Digital pilots, with sources, once."""
from io import StringIO

import pytest

from quality import history
from quality.models import DigitalPilot, Evaluation

pytestmark = pytest.mark.django_db


def test_it_records_the_2023_prima_regions_and_skips_dki_with_a_note(registry, make_mpp):
    batu_like = make_mpp("35.10", "MPP Banyuwangi")
    out = StringIO()
    history.load(stdout=out)
    prima = Evaluation.objects.filter(year=2023, category__key="prima")
    assert prima.count() == 9
    assert prima.get(region__code="35.10").mpp == batu_like
    assert prima.get(region__code="51.03").mpp is None  # no MPP record yet: the fact is about the region
    assert all(e.source for e in prima)
    assert "DKI Jakarta dilewati" in out.getvalue()
    assert "21 Prima menurut sumber" in out.getvalue()


def test_it_records_the_21_pilots_and_keeps_kotawaringin_unresolved(registry):
    history.load(stdout=StringIO())
    pilots = DigitalPilot.objects.all()
    assert pilots.count() == 21
    assert {p.launched_on.isoformat() for p in pilots} == {"2023-06-20"}
    kotawaringin = pilots.get(written_as="Kotawaringin")
    assert kotawaringin.region is None and "62.01" in kotawaringin.note
    assert pilots.get(written_as="Kota Magelang").region.code == "33.71"


def test_running_it_again_changes_nothing(registry):
    history.load(stdout=StringIO())
    out = StringIO()
    history.load(stdout=out)
    assert Evaluation.objects.count() == 9 and DigitalPilot.objects.count() == 21
    assert "0 hasil evaluasi dan 0 rintisan" in out.getvalue()
