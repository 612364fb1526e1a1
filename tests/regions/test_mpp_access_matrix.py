"""Who may do what with Kota Batu's MPP, for pages and API alike (one scoping function decides).

Actors: anonymous, ministry staff, Kota Batu's own officer, Kota Malang's officer, an admin. A refused
write answers 403 (pages send anonymous visitors to the login page) and changes nothing.
"""
import pytest

from mpp_portal.models import ChangeRecord
from regions.models import Mpp, Region, StatusUpdate
from tests.conftest import api_for, client_for

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "analyst", "batu_officer", "malang_officer", "admin_user"]
LOGIN = "login"  # anonymous page visits are redirected to the login page

EDIT_FORM = {"name": "MPP Among Warga", "address": "Balai Kota Among Tani", "tenant_count": 27,
             "service_count": 207, "digital_status": "none", "version": 1, "note": "koreksi"}
STATUS_FORM = {"status": "suspended", "note": "Gedung direnovasi", "version": 1}

# action -> expected status per actor, in ACTORS order
MATRIX = {
    "view MPP page": [LOGIN, 200, 200, 200, 200],
    "open edit page": [LOGIN, 403, 200, 403, 200],
    "edit MPP": [LOGIN, 403, 302, 403, 302],
    "open status page": [LOGIN, 403, 200, 403, 200],
    "post status": [LOGIN, 403, 302, 403, 302],
    "open new-MPP page": [LOGIN, 403, 200, 403, 200],
    "API list": [403, 200, 200, 200, 200],
    "API detail": [403, 200, 200, 200, 200],
    # An officer's change is a report waiting for verification (202); an admin's is verified on entry.
    "API PATCH": [403, 403, 202, 403, 200],
    "API status": [403, 403, 202, 403, 201],
    "API history": [403, 200, 200, 200, 200],
    "API create": [403, 403, 201, 403, 201],
}
WRITES = {"edit MPP", "post status", "API PATCH", "API status", "API create"}


def perform(action, user, mpp):
    page, api = client_for(user), api_for(user)
    return {
        "view MPP page": lambda: page.get(f"/mpp/{mpp.pk}/"),
        "open edit page": lambda: page.get(f"/mpp/{mpp.pk}/ubah/"),
        "edit MPP": lambda: page.post(f"/mpp/{mpp.pk}/ubah/", EDIT_FORM),
        "open status page": lambda: page.get(f"/mpp/{mpp.pk}/status/"),
        "post status": lambda: page.post(f"/mpp/{mpp.pk}/status/", STATUS_FORM),
        "open new-MPP page": lambda: page.get("/wilayah/35.79/mpp-baru/"),
        "API list": lambda: api.get("/api/mpps/"),
        "API detail": lambda: api.get(f"/api/mpps/{mpp.pk}/"),
        "API PATCH": lambda: api.patch(f"/api/mpps/{mpp.pk}/", {"tenant_count": 27, "version": 1}, format="json"),
        "API status": lambda: api.post(f"/api/mpps/{mpp.pk}/status/", STATUS_FORM, format="json"),
        "API history": lambda: api.get(f"/api/mpps/{mpp.pk}/history/"),
        "API create": lambda: api.post("/api/mpps/", {"region": "35.79", "name": "MPP Kedua"}, format="json"),
    }[action]()


@pytest.mark.parametrize("actor_index", range(len(ACTORS)), ids=ACTORS)
@pytest.mark.parametrize("action", list(MATRIX))
def test_each_role_may_do_exactly_what_the_matrix_says(request, action, actor_index, batu_mpp):
    actor = ACTORS[actor_index]
    user = None if actor == "anonymous" else request.getfixturevalue(actor)
    history_before = ChangeRecord.objects.count()
    response = perform(action, user, batu_mpp)
    expected = MATRIX[action][actor_index]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith("/masuk/")
    else:
        assert response.status_code == expected, response.content[:300]
    batu_mpp.refresh_from_db()
    if action in WRITES and expected in (200, 201, 202, 302):
        assert ChangeRecord.objects.count() == history_before + 1
    elif action in WRITES:
        assert (batu_mpp.version, batu_mpp.tenant_count, batu_mpp.status) == (1, 26, Mpp.Status.PREPARING)
        assert not StatusUpdate.objects.exists()
        assert Mpp.objects.filter(region=Region.objects.get(code="35.79")).count() == 1
        assert ChangeRecord.objects.count() == history_before


def test_an_officer_creates_mpps_only_in_his_own_region(batu_officer):
    api = api_for(batu_officer)
    assert api.post("/api/mpps/", {"region": "35.73", "name": "MPP X"}, format="json").status_code == 403
    response = api.post("/api/mpps/", {"region": "35.79", "name": "MPP Kedua", "tenant_count": 3}, format="json")
    assert response.status_code == 201
    assert response.json()["region"] == "35.79"
    assert not Mpp.objects.filter(region__code="35.73").exists()


def test_pages_show_the_edit_buttons_only_to_those_who_may_edit(batu_officer, malang_officer, batu_mpp):
    edit_link = f'href="/mpp/{batu_mpp.pk}/ubah/"'
    assert edit_link in client_for(batu_officer).get(f"/mpp/{batu_mpp.pk}/").content.decode()
    assert edit_link not in client_for(malang_officer).get(f"/mpp/{batu_mpp.pk}/").content.decode()
