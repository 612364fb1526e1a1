"""Recorded facts win: the demo fill never contradicts a recorded fact, one test per kind of collision."""
import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count

from commitments import demo as commitments_demo
from commitments.models import Commitment
from mpp_portal.loaders import recorded_fact_regions
from regions import demo as regions_demo
from regions.models import Inauguration, Mpp

DATA = Path(__file__).resolve().parents[2] / "regions" / "data"


def demo_fill() -> None:
    """What load_demo adds of MPPs and commitments (its MoU part is slow and holds no collision)."""
    regions_demo.load(stdout=io.StringIO())
    commitments_demo.load(stdout=io.StringIO())


@pytest.fixture
def filled(registry):
    call_command("load_history", stdout=io.StringIO())
    demo_fill()


def demo_regions() -> set[str]:
    mpps = set(Mpp.objects.filter(is_demo=True).values_list("region__code", flat=True))
    return mpps | set(Commitment.objects.filter(is_demo=True).values_list("region__code", flat=True))


def quality_facts() -> dict:
    return json.loads((DATA / "quality.json").read_text(encoding="utf-8"))


def test_no_demo_record_sits_in_a_2023_prima_region(filled):
    prima = {ref["code"] for ref in quality_facts()["evaluations"][0]["regions"] if ref["code"]}
    assert {"35.15", "32.73", "35.20", "14.71", "63.06"} <= prima  # Sidoarjo, Kota Bandung, Magetan, ...
    assert not prima & demo_regions()


def test_no_demo_record_sits_in_an_mpp_digital_pilot_region_nor_in_an_unresolved_pilots_candidates(filled):
    pilots = quality_facts()["digital_pilots"]["regions"]
    named = {ref["code"] for ref in pilots if ref["code"]}
    candidates = {code for ref in pilots for code in ref.get("candidates", [])}
    # Banda Aceh, Metro, Bukittinggi, Kendari, Tanjung Pinang, Samarinda, Musi Rawas, Batam, Mojokerto
    assert {"11.71", "18.72", "13.75", "74.71", "21.72", "64.72", "16.05", "21.71", "35.76"} <= named
    assert candidates == {"62.01", "62.02"}
    assert not (named | candidates) & demo_regions()


def test_neither_kab_nor_kota_serang_gets_a_demo_mpp_before_the_recorded_12_december_2024_inauguration(filled):
    assert not {"36.04", "36.73"} & demo_regions()


def test_dki_jakarta_is_one_unit_with_at_most_one_demo_mpp(filled):
    dki = Mpp.objects.filter(region__code__startswith="31.")
    assert dki.filter(is_demo=True).count() == 1
    assert dki.get().inaugurated_on.year == 2017


def test_no_demo_mpp_joins_a_recorded_ceremony_and_no_recorded_date_shows_more_than_its_source(filled):
    for event in Inauguration.objects.filter(is_demo=False, date__isnull=False):
        on_the_day = Mpp.objects.filter(inaugurated_on=event.date)
        assert not on_the_day.filter(is_demo=True).exists(), event.date
        if event.reported_count is not None:
            assert on_the_day.count() <= event.reported_count, event.date
    assert not Mpp.objects.filter(is_demo=True, inauguration__is_demo=False).exists()
    assert Mpp.objects.filter(inaugurated_on=datetime.date(2022, 12, 5)).count() == 1  # Kota Batu, of 26
    assert Mpp.objects.filter(inaugurated_on=datetime.date(2025, 9, 24)).count() <= 11


def test_no_demo_record_sits_where_a_recorded_mpp_or_commitment_is(filled):
    recorded_mpps = set(Mpp.objects.filter(is_demo=False).values_list("region__code", flat=True))
    recorded_commitments = set(Commitment.objects.filter(is_demo=False).values_list("region__code", flat=True))
    assert recorded_mpps and recorded_commitments
    assert not (recorded_mpps | recorded_commitments) & demo_regions()
    assert not Mpp.objects.values("region").annotate(n=Count("pk")).filter(n__gt=1).exists()


def test_every_region_with_a_recorded_fact_is_free_of_demo_records(filled):
    assert not recorded_fact_regions() & demo_regions()


def test_history_loaded_after_the_demo_replaces_the_demo_mpps_it_contradicts(registry):
    demo_fill()
    demo_before = set(Mpp.objects.filter(is_demo=True).values_list("region__code", flat=True))
    call_command("load_history", stdout=io.StringIO())
    recorded = set(Mpp.objects.filter(is_demo=False).values_list("region__code", flat=True))
    assert recorded & demo_before, "the demo fill ran first, so some recorded regions held demo MPPs"
    assert not Mpp.objects.values("region").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert not recorded & set(Mpp.objects.filter(is_demo=True).values_list("region__code", flat=True))
