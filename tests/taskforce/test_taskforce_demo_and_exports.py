"""Demo assistances are marked "contoh", have an overdue follow-up, stay out of regions with a recorded MPP, and
are removed by clear(); the assistance and follow-up lists download through the dashboards' export writer."""
import io

from django.utils import timezone

from mpp_portal.access import Role
from mpp_portal.accounts import demo_user_ensure
from taskforce import demo
from taskforce.models import Assistance, FollowUp, overdue_q
from tests.conftest import api_for, client_for
from tests.factories import MppFactory


def test_the_demo_is_marked_contoh_has_an_overdue_follow_up_and_is_cleared(analyst):
    demo_user_ensure(username="demo-admin", role=Role.ADMIN, password="x-demo-123", full_name="Admin Contoh")
    MppFactory(code="35.01")  # a recorded MPP keeps the demo away from Pacitan
    demo.load(stdout=io.StringIO())
    assistances = Assistance.objects.all()
    assert assistances.count() == 6 and all(a.is_demo for a in assistances)
    assert {a.region.province.code for a in assistances} == {"35", "32", "53"}
    assert not assistances.filter(region__code="35.01").exists()
    assert FollowUp.objects.filter(overdue_q(timezone.localdate())).exists()
    page = client_for(analyst).get("/pendampingan/").content.decode()
    assert "contoh" in page and "lewat tenggat" in page
    demo.load(stdout=io.StringIO())  # again: nothing more
    assert Assistance.objects.count() == 6

    demo.clear(stdout=io.StringIO())

    assert not Assistance.objects.exists() and not FollowUp.objects.exists()


def test_the_lists_download_as_csv_filtered_like_the_page(analyst, log):
    log(analyst, "35.79", areas=["ti"], findings="Aplikasi antrean belum ada")
    log(analyst, "32.73", areas=["anggaran"], findings="Anggaran gedung")
    client = client_for(analyst)
    response = client.get("/pendampingan/ekspor.csv", {"area": "ti"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200 and "Aplikasi antrean" in body and "Anggaran gedung" not in body
    assert client.get("/pendampingan/ekspor.xlsx").status_code == 200
    assert client.get("/tindak-lanjut/ekspor.csv", {"overdue": "true"}).status_code == 200
    assert client.get("/pendampingan/ekspor.csv", {"area": "salah"}).status_code == 400


def test_the_api_lists_filter_by_area_form_and_province(analyst, batu_officer, log):
    log(analyst, "35.79", areas=["ti", "regulasi"], form="daring")
    log(analyst, "32.73", areas=["anggaran"])
    api = api_for(batu_officer)
    assert [a["region"] for a in api.get("/api/assistance/", {"area": "ti"}).json()["results"]] == ["35.79"]
    assert [a["region"] for a in api.get("/api/assistance/", {"form": "kunjungan"}).json()["results"]] == ["32.73"]
    assert [a["region"] for a in api.get("/api/assistance/", {"province": "32"}).json()["results"]] == ["32.73"]
    assert api.get("/api/assistance/", {"area": "salah"}).status_code == 400
    rows = {a["region"]: a for a in api.get("/api/assistance/").json()["results"]}
    assert rows["35.79"]["areas"] == ["ti", "regulasi"] and rows["35.79"]["stage_at_visit"] == "none"
