"""/peristiwa/: every member reads both kinds of event; only admins create, edit and import."""
import io

import pytest
from django.core.management import call_command

from commitments.models import Commitment, SigningEvent
from regions.models import Inauguration, Mpp
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(registry):
    call_command("load_history", stdout=io.StringIO())


def test_members_see_both_kinds_of_event_with_their_counts(history, analyst):
    page = client_for(analyst).get("/peristiwa/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Penandatanganan komitmen" in text and "Peresmian" in text
    assert "Wakil Presiden K.H. Ma&#x27;ruf Amin" in text and "Hotel Fairmont Jakarta" in text
    assert 'href="/peristiwa/"' in text  # the nav entry
    assert "Peresmian baru" not in text
    only_signings = client_for(analyst).get("/peristiwa/?kind=signing").content.decode()
    assert "Hotel Bidakara" not in only_signings and "Fairmont" in only_signings


def test_the_event_pages_list_regions_and_the_conflicting_accounts(history, batu_officer):
    client = client_for(batu_officer)
    vp = Inauguration.objects.get(date="2022-12-05")
    text = client.get(f"/peristiwa/peresmian/{vp.pk}/").content.decode()
    assert "Kota Batu" in text and "MPP Among Warga" in text and "26" in text
    fairmont = SigningEvent.objects.get(date="2021-03-02")
    text = client.get(f"/peristiwa/komitmen/{fairmont.pk}/").content.decode()
    assert "Kota Malang" in text and "Kabupaten Langkat" in text and "terasjabar" in text


def test_anonymous_visitors_get_403_and_staff_and_officers_cannot_write(history, analyst, batu_officer):
    assert client_for(None).get("/peristiwa/").status_code in (302, 403)
    for user in (analyst, batu_officer):
        client = client_for(user)
        assert client.get("/peristiwa/peresmian/baru/").status_code == 403
        assert client.post("/peristiwa/komitmen/baru/", {"date": "2024-01-01"}).status_code == 403
        assert client.get("/peristiwa/impor/").status_code == 403
    assert SigningEvent.objects.count() == 2


def test_an_admin_creates_an_inauguration_and_links_mpps_by_region_name(history, admin_user):
    client = client_for(admin_user)
    response = client.post("/peristiwa/peresmian/baru/", {
        "date": "2023-02-20", "place": "Semarang", "officiated_by": "Menteri PANRB Abdullah Azwar Anas",
        "mode": "in_person", "reported_count": "7", "source": "contoh sumber", "note": "",
        "regions": "Kota Batu\n",
    })
    # 2023-02-20 already exists from history, a second event on the same day is allowed from the form
    assert response.status_code == 302
    event = Inauguration.objects.filter(date="2023-02-20").latest("pk")
    assert list(event.mpps.values_list("region__code", flat=True)) == ["35.79"]
    ambiguous = client.post(f"/peristiwa/peresmian/{event.pk}/ubah/", {
        "date": "2023-02-20", "mode": "in_person", "regions": "Magelang",
    })
    assert ambiguous.status_code == 200 and "ambigu" in ambiguous.content.decode()


def test_a_duplicate_commitment_in_the_form_gets_a_clear_error(history, admin_user):
    fairmont = SigningEvent.objects.get(date="2021-03-02")
    client = client_for(admin_user)
    url = f"/peristiwa/komitmen/{fairmont.pk}/tambah/"
    response = client.post(url, {"region": "Kota Malang", "outcome": "signed", "signatory_title": "Wali Kota"})
    assert response.status_code == 200
    assert "sudah memiliki komitmen" in response.content.decode()
    created = client.post(url, {"region": "Kab. Magelang", "outcome": "absent", "absence_reason": "Pj belum dilantik",
                                "signatory_title": "Pj Bupati"})
    assert created.status_code == 302
    assert Commitment.objects.get(event=fairmont, region__code="33.08").outcome == "absent"


def test_the_region_page_shows_its_commitments_and_inauguration(history, analyst):
    text = client_for(analyst).get("/wilayah/35.73/").content.decode()
    assert "Komitmen dan peresmian" in text and "Penandatanganan komitmen 2 Maret 2021" in text
    text = client_for(analyst).get("/wilayah/35.06/").content.decode()
    assert "Peresmian 24 September 2025" in text and "tidak diketahui" in text


def test_upload_preview_and_confirm_import_mpps(registry, admin_user):
    client = client_for(admin_user)
    upload = io.BytesIO(b"region,name,tenant_count,service_count\nKota Batu,Among Warga,26,207\nKab. Magelang,,,\n")
    upload.name = "mpp.csv"
    preview = client.post("/peristiwa/impor/", {"kind": "mpps", "file": upload, "event_date": "2022-12-05",
                                                 "source": "nasional.kompas.com, 5 Dec 2022"})
    text = preview.content.decode()
    assert preview.status_code == 200 and "Pratinjau" in text and "2 dibuat" in text
    assert not Mpp.objects.exists()
    confirmed = client.post("/peristiwa/impor/", {"confirm": "1"})
    assert confirmed.status_code == 302
    assert Mpp.objects.get(region__code="35.79").status == "operating"
    assert Mpp.objects.count() == 2


def test_a_failing_upload_shows_every_error_and_offers_no_confirmation(registry, admin_user):
    client = client_for(admin_user)
    upload = io.BytesIO(b"region\nKediri\nAtlantis\n")
    upload.name = "mpp.csv"
    text = client.post("/peristiwa/impor/", {"kind": "mpps", "file": upload, "source": "uji"}).content.decode()
    assert "baris 2" in text and "baris 3" in text and "Simpan perubahan ini" not in text
    assert client.post("/peristiwa/impor/", {"confirm": "1"}).status_code == 302
    assert not Mpp.objects.exists()


def test_the_event_list_names_regions_in_a_constant_number_of_queries(history, analyst, django_assert_max_num_queries):
    client = client_for(analyst)
    client.get("/peristiwa/")
    with django_assert_max_num_queries(12):
        text = client.get("/peristiwa/").content.decode()
    assert "Kota Batu" in text and "Kota Malang, Kabupaten Langkat" not in text
    assert "Kabupaten Langkat, Kota Malang" in text and "lainnya" in text


def test_the_list_is_paginated_newest_first_with_grouped_numbers(registry, analyst):
    import datetime

    from commitments.services import signing_event_create
    from regions.inaugurations import inauguration_create

    start = datetime.date(2018, 1, 1)
    for n in range(60):
        day = start + datetime.timedelta(days=10 * n)
        if n % 2:
            inauguration_create(user=None, date=day, place=f"Tempat {n}", reported_count=23765 if n == 59 else None)
        else:
            signing_event_create(user=None, date=day, place=f"Tempat {n}")
    first = client_for(analyst).get("/peristiwa/").content.decode()
    assert "Halaman 1 dari 2" in first
    assert first.index("Tempat 59") < first.index("Tempat 58")  # newest first
    assert "23.765" in first and "23765" not in first
    assert "Tempat 9<" not in first
    second = client_for(analyst).get("/peristiwa/?page=2").content.decode()
    assert "Tempat 9<" in second and "Tempat 59" not in second
    only_inaugurations = client_for(analyst).get("/peristiwa/?kind=inauguration").content.decode()
    assert "Halaman" not in only_inaugurations and "Tempat 58" not in only_inaugurations
    assert client_for(analyst).get("/peristiwa/?page=999").status_code == 200
