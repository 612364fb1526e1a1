import pytest
from django.urls import reverse

from dashboards.models import RecomputeRun, Target
from dashboards.services import progress_recompute
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_both_bases_of_the_2024_target_are_seeded():
    targets = {t.basis: t for t in Target.objects.all()}
    assert set(targets) == {"kemenpanrb", "kemendagri"}
    assert all(t.metric == "operating" and str(t.deadline) == "2024-12-31" for t in targets.values())
    assert targets["kemenpanrb"].position < targets["kemendagri"].position


def test_admins_add_targets_in_the_admin_which_queues_a_recompute(admin_user, django_capture_on_commit_callbacks):
    client = client_for(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:dashboards_target_add"), {
            "name": "MPP Digital di setiap kab/kota", "metric": "digital_live", "basis": "kemenpanrb",
            "deadline": "2029-12-31", "position": 3, "is_active": "on",
        })
    assert response.status_code == 302
    assert Target.objects.get(metric="digital_live").deadline.year == 2029
    assert RecomputeRun.objects.get(state="queued").trigger == "target"


def test_recompute_runs_are_read_only_in_the_admin(known_rollout, admin_user):
    run = progress_recompute()
    client = client_for(admin_user)
    assert client.get(reverse("admin:dashboards_recomputerun_changelist")).status_code == 200
    page = client.get(reverse("admin:dashboards_recomputerun_change", args=[run.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.text
    assert client.get(reverse("admin:dashboards_recomputerun_add")).status_code == 403
    delete = reverse("admin:dashboards_recomputerun_delete", args=[run.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert RecomputeRun.objects.filter(pk=run.pk).exists()
