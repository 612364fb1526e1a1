import datetime

import pytest
from django.utils import timezone

from dashboards.models import ProgressSnapshot, ProvinceRegionList, Target
from dashboards.services import progress_recompute

from .conftest import mpp_create, recent_day

pytestmark = pytest.mark.django_db


def _national(basis: str) -> ProgressSnapshot:
    return ProgressSnapshot.objects.get(scope="national", target__basis=basis, target__metric="operating")


def _province(basis: str, code: str) -> ProgressSnapshot:
    return ProgressSnapshot.objects.get(scope="province", target__basis=basis, province__code=code)


def test_on_kemenpanrb_basis_dki_is_one_unit_covered_once(known_rollout):
    progress_recompute()
    national = _national("kemenpanrb")
    assert (national.numerator, national.denominator) == (4, 509)
    assert national.percent == 0.8
    assert national.remaining == 505
    dki = _province("kemenpanrb", "31")
    assert (dki.numerator, dki.denominator, dki.stage_operating) == (1, 1, 1)


def test_on_kemendagri_basis_every_dki_unit_counts(known_rollout):
    progress_recompute()
    national = _national("kemendagri")
    assert (national.numerator, national.denominator) == (5, 514)
    dki = _province("kemendagri", "31")
    assert (dki.numerator, dki.denominator, dki.stage_operating, dki.stage_none) == (2, 6, 2, 4)


def test_stage_counts_follow_the_region_stage_rules(known_rollout):
    progress_recompute()
    national = _national("kemenpanrb")
    assert (national.stage_operating, national.stage_preparing, national.stage_committed) == (4, 1, 2)
    assert national.stage_none == 509 - 7
    east_java = _province("kemenpanrb", "35")
    assert (east_java.numerator, east_java.denominator) == (3, 38)
    assert (east_java.stage_operating, east_java.stage_preparing, east_java.stage_committed) == (3, 1, 1)
    assert east_java.mpp_count == 3
    regions = ProvinceRegionList.objects.get(run=east_java.run, province__code="35").regions
    stages = {code: stage for code, _name, _kind, _dki, stage, *_counts in regions}
    assert stages["35.79"] == "operating" and stages["35.07"] == "preparing" and stages["35.08"] == "committed"


def test_the_monthly_series_is_cumulative_from_the_first_inauguration(known_rollout):
    progress_recompute()
    series = dict(_national("kemenpanrb").series)
    assert _national("kemenpanrb").series[0] == ["2017-06", 1]
    assert series["2021-02"] == 1 and series["2021-03"] == 2
    assert series["2022-12"] == 3
    assert series["2023-01"] == 3, "the second DKI unit does not add a unit on KemenPANRB's basis"
    assert dict(_national("kemendagri").series)["2023-01"] == 4
    today = timezone.localdate()
    assert _national("kemenpanrb").series[-1] == [f"{today:%Y-%m}", 4]


def test_pace_and_projection_come_from_the_last_12_months(known_rollout):
    progress_recompute()
    national = _national("kemenpanrb")
    assert national.added_last_12_months == 1
    today = timezone.localdate()
    months = 505 * 12  # 505 remaining at one unit a year
    index = today.year * 12 + today.month - 1 + months
    assert national.projected_completion == datetime.date(index // 12, index % 12 + 1, 1)
    assert national.months_past_deadline >= 23
    per_month, horizon = national.pace_needed
    assert (round(per_month, 2), horizon) == (round(505 / 12, 2), 12)


def test_a_province_without_any_operating_mpp_has_zero(known_rollout):
    progress_recompute()
    papua = _province("kemenpanrb", "94")
    assert papua.numerator == 0 and papua.projected_completion is None and papua.series == []


def test_an_admin_defined_digital_target_counts_live_mpp_digital(known_rollout):
    Target.objects.create(name="MPP Digital di setiap kab/kota", metric=Target.Metric.DIGITAL_LIVE,
                          deadline=datetime.date(2030, 12, 31), position=5)
    mpp_create("35.77", on=recent_day(), digital_status="live", digital_since=recent_day())
    progress_recompute()
    digital = ProgressSnapshot.objects.get(scope="national", target__metric="digital_live")
    assert (digital.numerator, digital.denominator, digital.added_last_12_months) == (1, 509, 1)
    per_month, horizon = digital.pace_needed
    assert horizon > 12 and per_month == 508 / horizon


def test_inactive_targets_get_no_snapshots(known_rollout):
    Target.objects.filter(basis="kemendagri").update(is_active=False)
    progress_recompute()
    assert not ProgressSnapshot.objects.filter(target__basis="kemendagri").exists()
    assert ProgressSnapshot.objects.filter(scope="province", target__basis="kemenpanrb").count() == 38
