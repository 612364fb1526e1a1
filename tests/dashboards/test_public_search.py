"""The public summary's search: a kab/kota as people write it, resolved by the import's name resolver;
an ambiguous name is listed, never guessed; recorded data only."""
import datetime

import pytest
from django.urls import reverse

from regions.models import Mpp
from tests.dashboards.conftest import mpp_create

pytestmark = pytest.mark.django_db


def _search(client, text):
    response = client.get(reverse("dashboards:public"), {"q": text})
    assert response.status_code == 200
    return response.text


def test_a_visitor_finds_a_kabupaten_written_with_its_abbreviation(registry, client):
    mpp_create("33.08", on=datetime.date(2023, 8, 1))
    page = _search(client, "Kab. Magelang")
    assert "Kabupaten Magelang" in page and "(33.08, Jawa Tengah)" in page
    assert "MPP 33.08" in page and "Beroperasi" in page and "diresmikan 1 Agustus 2023" in page
    assert "Kota Magelang" not in page


def test_a_city_written_without_its_space_is_found(registry, client):
    page = _search(client, "Lubuklinggau")
    assert "Kota Lubuk Linggau" in page and "Belum ada MPP yang tercatat" in page


def test_an_ambiguous_name_lists_both_regions_and_shows_neither_stage(registry, client):
    mpp_create("33.71", on=datetime.date(2022, 1, 10))
    page = _search(client, "Magelang")
    assert "dipakai lebih dari satu wilayah" in page
    assert '<a href="?q=33.08">Kabupaten Magelang</a>' in page and '<a href="?q=33.71">Kota Magelang</a>' in page
    assert "Tahap MPP:" not in page and "MPP 33.71" not in page
    # The listed choice resolves by code to exactly one region.
    assert "MPP 33.71" in _search(client, "33.71")


def test_demo_records_are_left_out_of_the_public_search(registry, client):
    mpp_create("16.73", on=datetime.date(2024, 2, 1), is_demo=True)
    mpp_create("16.73", status=Mpp.Status.PREPARING)
    Mpp.objects.filter(region__code="16.73", is_demo=False).update(name="MPP Lubuk Linggau tercatat")
    page = _search(client, "Kota Lubuklinggau")
    assert "MPP Lubuk Linggau tercatat" in page and "Persiapan" in page
    assert "MPP 16.73" not in page and "Beroperasi" not in page.split('id="search-title"')[1].split("</section>")[0]


def test_an_unknown_name_says_so_and_suggests_the_region_of_the_other_kind(registry, client):
    page = _search(client, "Kab. Batu")
    assert "tidak ditemukan" in page and '<a href="?q=35.79">Kota Batu</a>' in page

