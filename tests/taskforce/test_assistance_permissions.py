"""Who may log an assistance, through the page, the API and the admin: one predicate
(``mpp_portal.access.can_log_assistance``) on every path. Reading is for every signed-in role."""
import pytest

from mpp_portal.models import ChangeRecord
from taskforce.models import Assistance, FollowUp
from tests.conftest import api_for, client_for
from tests.factories import AssistanceFactory

BODY = {"region": "35.79", "date": "2025-03-10", "form": "kunjungan", "areas": ["kelembagaan", "ti"],
        "findings": "Gedung sudah ada, anggaran belum."}
ALLOWED_ANYWHERE = ["admin_user", "analyst", "verifier", "taskforce_member"]


def page_post(user, code="35.79"):
    return client_for(user).post("/pendampingan/baru/", {**BODY, "region": code})


@pytest.mark.parametrize("actor", ALLOWED_ANYWHERE)
def test_ministry_roles_and_task_force_members_log_an_assistance_anywhere_through_the_page(request, registry, actor):
    user = request.getfixturevalue(actor)
    for code in ("35.79", "32.73"):
        response = page_post(user, code)
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Assistance.objects.filter(created_by=user).count() == 2
    assistance = Assistance.objects.filter(created_by=user, region__code="35.79").get()
    assert assistance.area_list == ["kelembagaan", "ti"] and assistance.stage_at_visit == "none"
    records = ChangeRecord.objects.filter(content_type__model="assistance", object_id=str(assistance.pk))
    assert [r.action for r in records] == ["create"] and records[0].region.code == "35.79"


def test_an_officer_may_read_but_not_log_an_assistance(batu_officer, analyst, log):
    log(analyst)
    assert client_for(batu_officer).get("/pendampingan/").status_code == 200
    assert client_for(batu_officer).get("/pendampingan/baru/").status_code == 403
    assert page_post(batu_officer).status_code == 403
    assert api_for(batu_officer).post("/api/assistance/", BODY, format="json").status_code == 403
    assert api_for(batu_officer).get("/api/assistance/").json()["count"] == 1
    assert Assistance.objects.count() == 1


def test_a_coordinator_logs_inside_its_province_and_is_refused_elsewhere(east_java_coordinator):
    assert page_post(east_java_coordinator, "35.79").status_code == 302
    # The page offers only the province's regions: another one is not a valid choice.
    assert page_post(east_java_coordinator, "32.73").status_code == 400
    api = api_for(east_java_coordinator)
    assert api.post("/api/assistance/", BODY, format="json").status_code == 201
    refused = api.post("/api/assistance/", {**BODY, "region": "32.73"}, format="json")
    assert refused.status_code == 403 and refused.json()["detail"]
    assert set(Assistance.objects.values_list("region__code", flat=True)) == {"35.79"}


def test_a_coordinator_cannot_change_another_provinces_assistance(east_java_coordinator, analyst, log):
    bandung = log(analyst, "32.73")
    api = api_for(east_java_coordinator)
    assert api.patch(f"/api/assistance/{bandung.pk}/", {"findings": "x"}, format="json").status_code == 403
    assert client_for(east_java_coordinator).get(f"/pendampingan/{bandung.pk}/ubah/").status_code == 403
    follow_up = {"assistance": bandung.pk, "description": "d", "owner_kind": "daerah", "due_on": "2025-05-01"}
    assert api.post("/api/follow-ups/", follow_up, format="json").status_code == 403
    # Moving its own province's assistance to another province is refused too.
    batu = log(east_java_coordinator, "35.79")
    assert api.patch(f"/api/assistance/{batu.pk}/", {"region": "32.73"}, format="json").status_code == 403
    assert Assistance.objects.get(pk=batu.pk).region.code == "35.79"
    assert FollowUp.objects.count() == 0


def test_anonymous_visitors_see_nothing(client, api):
    assert client.get("/pendampingan/").status_code == 302
    assert api.get("/api/assistance/").status_code in (401, 403)


def test_the_admin_edits_through_the_history_and_only_an_admin_reaches_it(admin_user, analyst):
    assistance = AssistanceFactory()
    url = f"/admin/taskforce/assistance/{assistance.pk}/change/"
    assert client_for(analyst).get(url).status_code == 302  # not staff: the admin login
    assert client_for(admin_user).get(url).status_code == 200
    assert client_for(admin_user).get("/admin/taskforce/assistance/add/").status_code == 403


@pytest.mark.parametrize("actor", ALLOWED_ANYWHERE)
def test_the_same_roles_log_and_change_through_the_api_anywhere(request, registry, actor):
    api = api_for(request.getfixturevalue(actor))
    created = api.post("/api/assistance/", {**BODY, "region": "32.73"}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["stage_at_visit"] == "none" and created.json()["areas"] == ["kelembagaan", "ti"]
    changed = api.patch(f"/api/assistance/{created.json()['id']}/", {"areas": ["regulasi"]}, format="json")
    assert changed.status_code == 200 and changed.json()["areas"] == ["regulasi"]
    follow_up = api.post("/api/follow-ups/", {"assistance": created.json()["id"], "description": "Perbup",
                                              "owner_kind": "daerah", "due_on": "2025-06-01"}, format="json")
    assert follow_up.status_code == 201
