import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from dashboards.history import load as load_reported_totals
from dashboards.models import Target
from dashboards.services import progress_recompute
from regions.models import Mpp
from regions.services import mpp_update
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def computed(known_rollout):
    load_reported_totals(stdout=open("/dev/null", "w"))
    progress_recompute()


def test_members_land_on_the_national_dashboard(analyst):
    response = client_for(analyst).get(reverse("home"))
    assert response.status_code == 302 and response.url == reverse("dashboards:national")


def test_the_national_dashboard_shows_the_figures_in_indonesian_format(computed, analyst):
    page = client_for(analyst).get(reverse("dashboards:national")).text
    assert "dari 509 unit" in page
    assert "0,8%" in page
    assert "basis KemenPANRB" in page and "basis Kemendagri" in page
    assert "5/514 (1,0%)" in page
    assert "505" in page  # remaining
    assert "tenggat 31 Desember 2024" in page
    assert "5 Desember 2022" in page  # a reported total, beside the portal's count
    assert "nasional.kompas.com" in page
    assert "<svg" in page and "<details>" in page and "Juni 2017" in page
    assert 'data-sortable' in page
    assert reverse("dashboards:province", args=["35"]) in page
    assert "Papua Pegunungan" in page  # among the provinces without an MPP
    assert "Snapshot ini sudah usang" not in page


def test_svg_coordinates_are_not_localised(computed, analyst):
    page = client_for(analyst).get(reverse("dashboards:national")).text
    svg = page[page.index("<svg"):page.index("</svg>")]
    points = svg.split('points="')[2].split('"')[0]
    assert "," in points and all(part.replace(".", "").replace(",", "").isdigit() for part in points.split())


def test_the_dashboard_says_when_it_was_computed_and_that_it_is_stale_after_a_change(
    computed, analyst, batu_officer, django_capture_on_commit_callbacks
):
    client = client_for(analyst)
    page = client.get(reverse("dashboards:national")).text
    assert "Angka dihitung" in page and "Snapshot ini sudah usang" not in page
    mpp = Mpp.objects.get(region__code="35.79")
    with django_capture_on_commit_callbacks(execute=True):
        mpp_update(user=batu_officer, mpp=mpp, version=mpp.version, service_count=210)
    assert "Snapshot ini sudah usang" in client.get(reverse("dashboards:national")).text


def test_another_target_is_chosen_with_sasaran(computed, analyst):
    kemendagri = Target.objects.get(basis="kemendagri")
    page = client_for(analyst).get(reverse("dashboards:national"), {"sasaran": kemendagri.pk}).text
    assert "dari 514 unit" in page


def test_the_province_dashboard_lists_its_regions_and_their_stages(computed, analyst):
    page = client_for(analyst).get(reverse("dashboards:province", args=["35"])).text
    assert "Jawa Timur" in page and "dari 38 unit" in page
    assert "Kota Batu" in page and "Kabupaten Lumajang" in page
    assert 'stage-preparing' in page and 'stage-committed' in page


def test_an_unknown_province_is_not_found(computed, analyst):
    assert client_for(analyst).get(reverse("dashboards:province", args=["99"])).status_code == 404


def test_without_a_snapshot_the_dashboard_says_so(analyst):
    page = client_for(analyst).get(reverse("dashboards:national")).text
    assert "Belum ada snapshot kemajuan" in page


def test_anonymous_visitors_get_the_public_summary_but_not_the_dashboards(computed, client):
    assert client.get(reverse("dashboards:national")).status_code == 302
    page = client.get(reverse("dashboards:public")).text
    assert "dari 509 unit" in page and "<svg" in page
    assert "Provinsi tanpa" not in page and reverse("dashboards:province", args=["35"]) not in page


def test_the_page_is_served_in_english_too(computed, analyst):
    cache.clear()
    client = client_for(analyst)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the language switcher's choice
    page = client.get(reverse("dashboards:national")).text
    assert "December 5, 2022" in page or "5 December 2022" in page or "Dec. 5, 2022" in page


def test_the_rendered_fragments_are_cached_per_snapshot(computed, analyst):
    client = client_for(analyst)
    first = client.get(reverse("dashboards:national")).text
    Mpp.objects.filter(region__code="35.73").update(inaugurated_on=datetime.date(2020, 1, 1))
    assert client.get(reverse("dashboards:national")).text.count("Maret 2021") == first.count("Maret 2021")
    progress_recompute()
    assert "Januari 2020" in client.get(reverse("dashboards:national")).text
