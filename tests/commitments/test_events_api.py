"""API for inaugurations, signing events, commitments and the import endpoint."""
import io

import pytest
from django.core.management import call_command

from commitments.models import Commitment, SigningEvent
from mpp_portal.models import ChangeRecord
from regions.models import Inauguration, Mpp
from tests.conftest import api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(registry):
    call_command("load_history", stdout=io.StringIO())


def test_members_read_inaugurations_with_their_mpps(history, batu_officer):
    body = api_for(batu_officer).get("/api/inaugurations/").json()
    vp = next(e for e in body["results"] if e["date"] == "2022-12-05")
    assert vp["reported_count"] == 26 and vp["mpp_count"] == 1
    assert vp["mpps"][0]["region"] == "35.79"


def test_members_read_signing_events_and_filter_commitments(history, analyst):
    client = api_for(analyst)
    events = client.get("/api/signing-events/").json()["results"]
    assert {e["year"] for e in events} == {2021, 2019}
    malang = client.get("/api/commitments/?region=35.73").json()["results"]
    assert [c["region_name"] for c in malang] == ["Kota Malang"]


def test_an_admin_records_a_commitment_by_region_name_and_a_duplicate_is_a_field_error(history, admin_user):
    client = api_for(admin_user)
    event = SigningEvent.objects.get(date="2021-03-02")
    created = client.post("/api/commitments/", {
        "event": event.pk, "region": "Kota Lubuk Linggau", "signatory_title": "Pj Wali Kota", "outcome": "signed",
    }, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["region"] == "16.73"
    duplicate = client.post("/api/commitments/", {"event": event.pk, "region": "16.73"}, format="json")
    assert duplicate.status_code == 400
    assert "sudah memiliki komitmen" in duplicate.json()["region"][0]
    ambiguous = client.post("/api/commitments/", {"event": event.pk, "region": "Magelang"}, format="json")
    assert ambiguous.status_code == 400 and "33.71" in ambiguous.json()["region"][0]


def test_staff_and_officers_cannot_write_events_and_nothing_changes(history, analyst, batu_officer):
    records = ChangeRecord.objects.count()
    for user in (analyst, batu_officer):
        client = api_for(user)
        assert client.post("/api/signing-events/", {"date": "2024-01-01"}, format="json").status_code == 403
        assert client.post("/api/inaugurations/", {"date": "2024-01-01"}, format="json").status_code == 403
        event = Inauguration.objects.get(date="2022-12-05")
        assert client.patch(f"/api/inaugurations/{event.pk}/", {"place": "x"}, format="json").status_code == 403
    assert ChangeRecord.objects.count() == records
    assert Inauguration.objects.get(date="2022-12-05").place.startswith("Istana")


def test_an_admin_creates_an_inauguration_and_links_mpps(history, admin_user):
    batu = Mpp.objects.get(region__code="35.79")
    response = api_for(admin_user).post("/api/inaugurations/", {
        "date": "2023-03-01", "officiated_by": "Menteri PANRB", "mode": "online", "mpp_ids": [batu.pk],
    }, format="json")
    assert response.status_code == 201, response.json()
    batu.refresh_from_db()
    assert batu.inauguration.date.isoformat() == "2023-03-01"
    missing = api_for(admin_user).post("/api/inaugurations/", {"place": "Jakarta"}, format="json")
    assert missing.status_code == 400 and "date" in missing.json()


def csv_upload(text: str, name="data.csv"):
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


SOURCE = "tabloidjawatimur.com, 2 Mar 2021"


def test_the_import_endpoint_dry_runs_by_default_then_saves(registry, admin_user):
    client = api_for(admin_user)
    text = "region,signatory_name,signatory_title,outcome\nKota Malang,Sutiaji,Wali Kota,signed\n"
    dry = client.post("/api/imports/", {"kind": "commitments", "event_date": "2021-03-02", "source": SOURCE,
                                        "file": csv_upload(text)}, format="multipart")
    assert dry.status_code == 200 and dry.json()["dry_run"] is True and len(dry.json()["created"]) == 1
    assert not Commitment.objects.exists()
    saved = client.post("/api/imports/", {"kind": "commitments", "event_date": "2021-03-02", "dry_run": "false",
                                          "source": SOURCE, "file": csv_upload(text)}, format="multipart")
    assert saved.status_code == 200 and Commitment.objects.count() == 1


def test_the_import_endpoint_reports_row_errors_with_400_and_refuses_non_admins(registry, admin_user, analyst):
    failing = api_for(admin_user).post("/api/imports/", {
        "kind": "mpps", "dry_run": "false", "source": SOURCE, "file": csv_upload("region\nKota Batu\nSerang\n"),
    }, format="multipart")
    assert failing.status_code == 400
    assert [(e["line"], e["field"]) for e in failing.json()["errors"]] == [(3, "region")]
    assert not Mpp.objects.exists()
    missing_date = api_for(admin_user).post("/api/imports/", {
        "kind": "commitments", "file": csv_upload("region\nKota Batu\n"),
    }, format="multipart")
    assert missing_date.status_code == 400 and "event_date" in missing_date.json()
    forbidden = api_for(analyst).post("/api/imports/", {"kind": "mpps", "file": csv_upload("region\nKota Batu\n")},
                                      format="multipart")
    assert forbidden.status_code == 403
