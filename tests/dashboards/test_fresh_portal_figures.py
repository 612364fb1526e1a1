"""On a freshly loaded portal (registry, recorded history, demo fill), the figures people quote are recorded ones."""
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from dashboards.models import ProgressSnapshot
from regions.models import Mpp
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def recorded_units() -> int:
    """Units on KemenPANRB's basis (DKI Jakarta once) with a recorded operating MPP, counted without the recompute."""
    codes = Mpp.objects.filter(is_demo=False, status="operating").values_list("region__code", flat=True)
    return len({"31" if code.startswith("31.") else code for code in codes})


def test_the_public_headline_equals_the_recorded_units_and_the_dashboard_shows_the_demo_share_apart(
    registry, analyst, settings
):
    settings.DEBUG = True
    for command in ("load_history", "load_demo", "recompute_progress"):
        call_command(command, stdout=io.StringIO())
    recorded = recorded_units()
    assert Mpp.objects.filter(is_demo=True, status="operating").exists() and recorded > 50

    public = client_for(None).get(reverse("dashboards:public")).text
    headline = public[public.index('class="card headline'):public.index('class="tiles"')]
    today = re.search(r"Per [^:]+: ([\d.]+) dari 509 unit kab/kota", headline)
    assert int(today.group(1).replace(".", "")) == recorded
    assert "Sasaran 2024 tidak tercapai:" in headline and "contoh" not in headline

    snapshot = ProgressSnapshot.objects.filter(scope="national", target__basis="kemenpanrb").latest("run_id")
    assert snapshot.numerator == recorded and snapshot.demo_numerator > 0
    page = client_for(analyst).get(reverse("dashboards:national")).text
    assert f"{recorded} tercatat + {snapshot.demo_numerator} contoh" in page
    assert page.index("Sasaran 2024 tidak tercapai:") < page.index('class="tiles"') < page.index("<svg")
