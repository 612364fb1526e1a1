"""A ceremony whose day is unknown keeps the window its sources give; the event page shows it."""
import io

import pytest
from django.core.management import call_command

from regions.models import Inauguration
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_load_history_records_the_2024_soft_launch_window_and_the_page_shows_it(registry, analyst):
    call_command("load_history", stdout=io.StringIO())
    soft = Inauguration.objects.get(is_demo=False, date__isnull=True, date_before__isnull=False)
    assert (soft.date_after.isoformat(), soft.date_before.isoformat()) == ("2024-06-24", "2024-12-12")
    page = client_for(analyst).get(f"/peristiwa/peresmian/{soft.pk}/").text
    assert "setelah 24 Juni 2024, paling lambat 12 Desember 2024" in page


def test_an_admin_records_a_window_and_an_inverted_one_is_refused(registry, admin_user):
    client = client_for(admin_user)
    fields = {"date_note": "2024, hari tidak diketahui", "mode": "in_person", "source": "heaptalk.com",
              "regions": ""}
    refused = client.post("/peristiwa/peresmian/baru/", {**fields, "date_after": "2024-12-12",
                                                          "date_before": "2024-06-24"})
    assert refused.status_code == 200 and "harus sesudah batas awalnya" in refused.text
    assert not Inauguration.objects.exists()
    saved = client.post("/peristiwa/peresmian/baru/", {**fields, "date_after": "2024-06-24",
                                                        "date_before": "2024-12-12"})
    assert saved.status_code == 302
    assert Inauguration.objects.get().date_before.isoformat() == "2024-12-12"
