from tests.conftest import client_for


def test_admins_browse_agreements_and_parties_in_the_admin_site(batu_pks, national_mou, admin_user):
    client = client_for(admin_user)
    for url in ("/admin/mou/agreement/", f"/admin/mou/agreement/{national_mou.pk}/change/",
                "/admin/mou/agreementparty/", "/admin/mou/serviceplacement/", "/admin/mou/institution/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/mou/agreement/add/").status_code == 403
