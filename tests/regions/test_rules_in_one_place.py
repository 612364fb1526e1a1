"""Each rule is one predicate, and every reader gets the same answer from it."""
import datetime

from django.template import Context, Template
from django.utils import timezone

from mpp_portal.access import Role, role_of, users_with_role
from quality import selectors as quality_selectors
from regions import selectors, stages, units
from regions.models import Mpp, Region
from tests import factories as f


def test_stages_are_ordered_none_committed_preparing_operating():
    assert sorted(Region.Stage.values, key=stages.rank) == ["none", "committed", "preparing", "operating"]
    assert stages.furthest(["committed", "operating", "none"]) == "operating"
    assert stages.furthest([]) == "none"


def test_the_stage_badge_and_the_export_use_the_same_label():
    badge = Template('{% include "partials/stage_badge.html" with stage=stage %}')
    for stage in Region.Stage.values:
        html = badge.render(Context({"stage": stage}))
        assert f"stage-{stage}" in html and stages.label(stage) in html


def test_the_counted_units_are_509_and_514_with_the_full_registry(registry):
    assert units.unit_count(units.Basis.KEMENPANRB) == 509
    assert units.unit_count(units.Basis.KEMENDAGRI) == 514
    assert units.autonomous_regions().count() == 508
    jakarta_selatan = Region.objects.get(code="31.74")
    assert units.unit_key(jakarta_selatan) == "31"
    assert units.unit_key(jakarta_selatan, units.Basis.KEMENDAGRI) == "31.74"


def test_the_officer_home_and_the_quality_list_agree_on_what_is_stale(registry, batu_officer):
    fresh, stale = f.MppFactory(code="35.79", name="MPP Baru"), f.MppFactory(code="35.79", name="MPP Lama")
    Mpp.objects.filter(pk=stale.pk).update(updated_at=selectors.stale_cutoff() - datetime.timedelta(minutes=1))
    Mpp.objects.filter(pk=fresh.pk).update(updated_at=selectors.stale_cutoff() + datetime.timedelta(minutes=1))

    [region] = selectors.officer_regions(user=batu_officer)
    flagged = {m.name for m in region.mpps.all() if any("Belum diperbarui" in need for need in m.needs)}
    listed = {m.name for m in quality_selectors.stale_mpps(now=timezone.now())}

    assert flagged == listed == {"MPP Lama"}


def test_the_role_query_says_what_role_of_says(admin_user, analyst, batu_officer, malang_officer):
    actors = [admin_user, analyst, batu_officer, malang_officer]
    for role in (Role.ADMIN, Role.STAFF, Role.OFFICER):
        assert {u.pk for u in users_with_role(role) if u in actors} == {u.pk for u in actors if role_of(u) == role}
