import pytest
from django.urls import reverse

from tests.conftest import PASSWORD, client_for


@pytest.mark.django_db
def test_the_login_page_speaks_indonesian(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'lang="id"' in response.text
    assert "Masuk ke portal" in response.text


def test_a_ministry_analyst_logs_in_and_browses_regions(client, analyst):
    response = client.post(reverse("login"), {"username": "analis", "password": PASSWORD})
    assert response.status_code == 302
    response = client.get(reverse("regions:list"))
    assert response.status_code == 200
    assert "514 wilayah" in response.text


def test_a_wrong_password_is_refused_with_a_clear_message(client, analyst):
    response = client.post(reverse("login"), {"username": "analis", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau sandi salah." in response.text
    assert "nama pengguna nama pengguna" not in response.text.lower()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["regions:list", "home"])
def test_anonymous_visitors_are_sent_to_login_or_the_public_summary(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(("/masuk/", "/ringkasan/"))


@pytest.mark.django_db
def test_anonymous_visitors_see_the_public_summary(client):
    response = client.get(reverse("dashboards:public"))
    assert response.status_code == 200


def test_logout_ends_the_session(analyst):
    client = client_for(analyst)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("regions:list")).status_code == 302


def test_the_region_list_filters_by_province_kind_and_name(analyst):
    client = client_for(analyst)
    assert "38 wilayah" in client.get(reverse("regions:list"), {"province": "35"}).text
    assert "98 wilayah" in client.get(reverse("regions:list"), {"kind": "kota"}).text
    response = client.get(reverse("regions:list"), {"search": "batu"})
    assert "Kota Batu" in response.text


def test_the_region_page_shows_the_region(analyst):
    response = client_for(analyst).get(reverse("regions:detail", args=["35.79"]))
    assert response.status_code == 200
    assert "Kota Batu" in response.text
    assert client_for(analyst).get(reverse("regions:detail", args=["99.99"])).status_code == 404


def test_english_is_available_from_the_language_switcher(analyst):
    client = client_for(analyst)
    client.post(reverse("set_language"), {"language": "en", "next": "/wilayah/"})
    response = client.get(reverse("regions:list"))
    assert 'lang="en"' in response.text
