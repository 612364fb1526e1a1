"""The Django admin shows MPPs and their status updates but cannot change them: history is never bypassed."""
import pytest

from regions.models import Mpp, StatusUpdate
from regions.services import mpp_status_update
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_admin_lists_and_shows_mpps(admin_user, batu_mpp):
    admin = client_for(admin_user)
    assert admin.get("/admin/regions/mpp/").status_code == 200
    assert admin.get(f"/admin/regions/mpp/{batu_mpp.pk}/change/").status_code == 200


@pytest.mark.parametrize(("url", "data"), [
    ("/admin/regions/mpp/add/", {"name": "MPP X", "region": "1"}),
    ("/admin/regions/mpp/{pk}/change/", {"name": "Diubah di admin", "tenant_count": 0}),
    ("/admin/regions/mpp/{pk}/delete/", {"post": "yes"}),
])
def test_the_admin_cannot_add_change_or_delete_mpps(admin_user, batu_mpp, url, data):
    response = client_for(admin_user).post(url.format(pk=batu_mpp.pk), data)
    assert response.status_code == 403
    batu_mpp.refresh_from_db()
    assert (batu_mpp.name, batu_mpp.version, Mpp.objects.count()) == ("MPP Among Warga", 1, 1)


def test_status_updates_are_read_only_in_the_admin(admin_user, batu_officer, batu_mpp):
    update = mpp_status_update(user=batu_officer, mpp=batu_mpp, status="suspended", note="renovasi")
    admin = client_for(admin_user)
    assert admin.get("/admin/regions/statusupdate/add/").status_code == 403
    assert admin.post(f"/admin/regions/statusupdate/{update.pk}/delete/", {"post": "yes"}).status_code == 403
    assert StatusUpdate.objects.filter(pk=update.pk).exists()


def test_officers_have_no_admin_site(batu_officer, batu_mpp):
    assert client_for(batu_officer).get(f"/admin/regions/mpp/{batu_mpp.pk}/change/").status_code == 302
