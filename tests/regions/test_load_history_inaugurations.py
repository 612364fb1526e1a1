"""load_history: the recorded inauguration batches, their named MPPs, and the signing events."""
import io

import pytest
from django.core.management import call_command

from commitments.models import Commitment, SigningEvent
from mpp_portal.models import ChangeRecord
from regions.models import Inauguration, Mpp, Region

pytestmark = pytest.mark.django_db


def load_history() -> str:
    out = io.StringIO()
    call_command("load_history", stdout=out)
    return out.getvalue()


def test_it_records_every_batch_with_its_source(registry):
    load_history()
    assert Inauguration.objects.filter(is_demo=False).count() == 13
    vp = Inauguration.objects.get(date="2022-12-05")
    assert (vp.officiated_by, vp.mode, vp.reported_count) == ("Wakil Presiden K.H. Ma'ruf Amin", "in_person", 26)
    assert "kompas" in vp.source
    online = Inauguration.objects.get(date="2024-12-12")
    assert (online.mode, online.reported_count) == ("online", 42)
    undated = Inauguration.objects.get(date__isnull=True, reported_count=22)
    assert "Date not found" in undated.date_note
    assert Inauguration.objects.get(date="2023-02-20").mode == ""  # the source does not say


def test_named_regions_get_an_operating_mpp_linked_to_their_event(registry):
    load_history()
    batu = Mpp.objects.get(region__code="35.79")
    assert (batu.name, batu.status, batu.inaugurated_on.isoformat()) == ("MPP Among Warga", "operating", "2022-12-05")
    assert (batu.tenant_count, batu.service_count, batu.counts_unknown) == (26, 207, False)
    assert batu.inauguration.date.isoformat() == "2022-12-05"
    kediri = Mpp.objects.get(region__code="35.06")
    assert (kediri.name, kediri.inauguration.date.isoformat()) == ("MPP Kabupaten Kediri", "2025-09-24")
    assert (kediri.tenant_count, kediri.counts_unknown) == (0, True)
    assert Mpp.objects.get(region__code="35.71").inaugurated_on.isoformat() == "2023-09-26"
    assert Mpp.objects.get(region__code="13.02").inaugurated_on is None  # undated soft launch
    assert Inauguration.objects.get(date="2025-12-15").mpps.count() == 9


def test_a_region_named_by_two_sources_keeps_one_mpp_from_the_first(registry):
    load_history()
    dharmasraya = Mpp.objects.get(region__code="13.10")
    assert dharmasraya.inauguration.date.isoformat() == "2024-06-24"
    assert "conflict" in Inauguration.objects.get(date__isnull=True, reported_count=22).note


def test_the_2021_signing_shows_both_accounts_and_kudus_2019_is_recorded(registry):
    load_history()
    fairmont = SigningEvent.objects.get(date="2021-03-02")
    assert fairmont.counterpart == "Menteri PANRB Tjahjo Kumolo" and "Fairmont" in fairmont.place
    assert "40" in fairmont.note and "38" in fairmont.note and "terasjabar" in fairmont.note
    assert "Selasa (01/03)" in fairmont.date_note
    assert set(fairmont.commitments.values_list("region__code", flat=True)) == {"35.73", "12.05"}
    kudus = SigningEvent.objects.get(year=2019)
    assert kudus.date is None
    assert kudus.commitments.get().region.code == "33.19"
    assert Commitment.objects.filter(outcome="signed").count() == 3


def test_loading_twice_changes_nothing_and_never_overwrites_an_edit(registry):
    load_history()
    vp = Inauguration.objects.get(date="2022-12-05")
    vp.place = "Istana Wapres"
    vp.save()
    counts = (Inauguration.objects.count(), Mpp.objects.count(), SigningEvent.objects.count(),
              Commitment.objects.count(), ChangeRecord.objects.count())
    load_history()
    assert counts == (Inauguration.objects.count(), Mpp.objects.count(), SigningEvent.objects.count(),
                      Commitment.objects.count(), ChangeRecord.objects.count())
    assert Inauguration.objects.get(date="2022-12-05").place == "Istana Wapres"


def test_a_region_that_already_has_an_mpp_is_left_alone(registry):
    Mpp.objects.create(region=Region.objects.get(code="35.79"), name="Among Warga", status="preparing")
    load_history()
    assert list(Mpp.objects.filter(region__code="35.79").values_list("name", "status")) == [("Among Warga", "preparing")]

