"""History reads as a person would tell it: dates in the page's language, one time format with the zone,
yes/no for booleans, a document's name instead of its stored path, loaders as the data's origin, and for
loaded facts the date of the fact beside the date it was recorded."""
import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from mpp_portal.audit import change_record_create
from mpp_portal.models import ChangeRecord
from mpp_portal.templatetags.portal import when
from tests.regions.conftest import mpp_in


def _timeline(records) -> str:
    return render_to_string("partials/timeline.html", {"records": records})


def test_a_loaded_inauguration_shows_the_fact_date_beside_the_recording_date_and_its_source(registry):
    mpp = mpp_in("35.79", name="MPP Among Warga")
    record = change_record_create(
        instance=mpp, user=None, action=ChangeRecord.Action.CREATE, note="load_history",
        changes={"inaugurated_on": [None, "2022-12-05"], "counts_unknown": [None, True],
                 "source": [None, "Siaran pers KemenPANRB 5 Desember 2022"]},
    )
    with translation.override("id"):
        html = _timeline([record])
    assert "Fakta: 5 Desember 2022" in html
    assert "2022-12-05" not in html
    assert "Ya" in html and "True" not in html
    assert "Data awal dari Siaran pers KemenPANRB 5 Desember 2022." in html
    assert "load_history" not in html
    assert "WIB" in html


def test_a_regions_load_says_it_came_from_the_registry_in_both_languages(registry):
    mpp = mpp_in("35.79")
    record = change_record_create(instance=mpp, user=None, action=ChangeRecord.Action.UPDATE, note="load_regions")
    with translation.override("id"):
        assert "Data awal dari registri kab/kota Kemendagri." in _timeline([record])
    with translation.override("en"):
        html = _timeline([record])
    assert "Initial data from the Ministry of Home Affairs&#x27; register of regencies and cities." in html
    assert "load_regions" not in html


def test_a_document_is_named_not_shown_as_its_stored_path_and_people_by_full_name(registry, batu_officer):
    mpp = mpp_in("35.79")
    record = change_record_create(instance=mpp, user=batu_officer, action=ChangeRecord.Action.UPDATE,
                                  changes={"evidence": [None, "evidence/380/bukti-peresmian.pdf"]})
    html = _timeline([record])
    assert "bukti-peresmian.pdf" in html and "evidence/380/" not in html
    assert batu_officer.get_full_name() and batu_officer.get_full_name() in html
    assert "Fakta:" not in html  # a person's own edit has no separate fact date


def test_one_time_format_with_the_zone_in_each_language():
    moment = datetime.datetime(2026, 12, 5, 4, 38, tzinfo=datetime.UTC)
    with translation.override("id"):
        assert when(moment) == "5 Desember 2026, 11.38 WIB"
    with translation.override("en"):
        assert when(moment) == "5 December 2026, 11:38 WIB"
    assert when(None) == "—"


@pytest.mark.django_db
def test_the_mpp_page_timeline_uses_the_same_words(client, registry, analyst):
    from tests.conftest import client_for

    mpp = mpp_in("35.79", name="MPP Among Warga")
    change_record_create(instance=mpp, user=None, action=ChangeRecord.Action.CREATE, note="load_history",
                         changes={"inaugurated_on": [None, "2022-12-05"]}, region=mpp.region)
    page = client_for(analyst).get(f"/mpp/{mpp.pk}/").text
    assert "Fakta: 5 Desember 2022" in page
    assert "load_history" not in page
