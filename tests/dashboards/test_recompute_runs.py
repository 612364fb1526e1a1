import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from dashboards.models import ProgressSnapshot, ProvinceRegionList, RecomputeRun, Target
from dashboards.services import progress_recompute

pytestmark = pytest.mark.django_db

FIGURES = ["target_id", "scope", "province_id", "as_of", "numerator", "denominator", "stage_none", "stage_committed",
           "stage_preparing", "stage_operating", "mpp_count", "added_last_12_months", "projected_completion",
           "series"]


def _figures(run):
    return sorted(
        ProgressSnapshot.objects.filter(run=run).values_list(*FIGURES),
        key=lambda row: (row[0], row[1], row[2] or 0),
    )


def test_recomputing_twice_without_changes_gives_the_same_figures(known_rollout):
    first = progress_recompute()
    figures = _figures(first)
    lists = dict(ProvinceRegionList.objects.filter(run=first).values_list("province_id", "regions"))
    second = progress_recompute()
    assert first.pk != second.pk
    assert _figures(second) == figures and len(figures) == 2 * (38 + 1)
    assert dict(ProvinceRegionList.objects.filter(run=second).values_list("province_id", "regions")) == lists


def test_older_runs_keep_their_national_history_but_not_their_detail(known_rollout):
    first, second = progress_recompute(), progress_recompute()
    assert ProgressSnapshot.objects.filter(run=first, scope="national").count() == 2
    assert not ProgressSnapshot.objects.filter(run=first, scope="province").exists()
    assert not ProvinceRegionList.objects.filter(run=first).exists()
    assert ProvinceRegionList.objects.filter(run=second).count() == 38


def test_each_run_is_recorded_with_its_timing_and_outcome(known_rollout):
    run = progress_recompute(trigger="command")
    run.refresh_from_db()
    assert run.state == RecomputeRun.State.DONE
    assert run.started_at <= run.finished_at
    assert run.duration_ms is not None and run.snapshot_count == 78 and run.error == ""


def test_a_failing_run_is_recorded_as_failed_and_leaves_no_snapshots(known_rollout):
    Target.objects.create(name="Rusak", metric="operating", deadline=datetime.date(2030, 1, 1))
    Target.objects.filter(name="Rusak").update(metric="no-such-metric")
    with pytest.raises(KeyError):
        progress_recompute()
    run = RecomputeRun.objects.get()
    assert run.state == RecomputeRun.State.FAILED
    assert "no-such-metric" in run.error and run.finished_at is not None
    assert not ProgressSnapshot.objects.exists()


def test_the_management_command_recomputes_synchronously(known_rollout):
    out = StringIO()
    call_command("recompute_progress", stdout=out)
    assert "78 snapshot" in out.getvalue()
    assert ProgressSnapshot.objects.filter(scope="national").count() == 2


def test_beat_runs_the_recompute_nightly_at_one_in_jakarta(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["recompute-progress-nightly"]
    assert entry["task"] == "dashboards.recompute_progress"
    assert entry["schedule"].hour == {1} and entry["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == "Asia/Jakarta"
