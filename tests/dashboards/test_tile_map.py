"""The tile map: 38 equal tiles laid out west to east from data in the project, coloured by coverage, each
linking to its province; the table beside it; a province's kab/kota as tiles coloured by stage."""
import re

import pytest
from django.urls import reverse

from dashboards import tilemap
from dashboards.services import progress_recompute
from regions.models import Province
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TILE = re.compile(r'<a class="tm-tile cov-(\d)" href="([^"]+)" aria-label="([^"]+)"')


def test_the_layout_places_every_registry_province_on_its_own_tile(registry):
    layout = tilemap.tile_layout()
    assert set(layout) == set(Province.objects.values_list("code", flat=True)) and len(layout) == 38
    assert len({(col, row) for col, row, _short in layout.values()}) == 38
    # West to east: Aceh is the westernmost tile, Papua's provinces the easternmost.
    assert layout["11"][0] == 0 and all(layout[code][0] >= 11 for code in ("91", "92", "93", "94", "95", "96"))


@pytest.mark.parametrize("numerator, denominator, expected", [
    (0, 23, 0), (1, 23, 1), (6, 23, 2), (12, 23, 3), (18, 23, 4), (23, 23, 5), (0, 0, 0),
])
def test_coverage_falls_in_labelled_classes(numerator, denominator, expected):
    assert tilemap.coverage_class(numerator, denominator) == expected


def test_the_national_dashboard_has_38_tiles_linking_to_province_dashboards(known_rollout, analyst):
    progress_recompute()
    page = client_for(analyst).get(reverse("dashboards:national")).text
    tiles = TILE.findall(page)
    assert len(tiles) == 38
    assert {href for _cls, href, _label in tiles} == {
        reverse("dashboards:province", args=[code]) for code in Province.objects.values_list("code", flat=True)
    }
    east_java = next(t for t in tiles if t[1] == reverse("dashboards:province", args=["35"]))
    # The name starts with what the tile shows (WCAG 2.5.3 label in name), then says it in full.
    assert east_java[0] == "1" and east_java[2] == "Jatim 7,9% · Jawa Timur: 7,9%, 3 dari 38 unit"
    jakarta = next(t for t in tiles if t[1] == reverse("dashboards:province", args=["31"]))
    assert jakarta[0] == "5"  # DKI Jakarta counts as one unit on KemenPANRB's basis, reached
    for label in ("0% (belum ada)", "100% (lengkap)"):
        assert label in page  # the legend
    assert 'id="provinces-title"' in page and "Cakupan per provinsi" in page  # the table beside the map


def test_the_public_summary_map_points_at_its_own_province_table(known_rollout, client):
    progress_recompute()
    page = client.get(reverse("dashboards:public")).text
    tiles = TILE.findall(page)
    assert len(tiles) == 38 and all(href.startswith("#prov-") for _cls, href, _label in tiles)
    for _cls, href, _label in tiles:
        assert f'id="{href[1:]}"' in page


def test_a_province_dashboard_shows_its_regions_as_tiles_by_stage_linking_to_each(known_rollout, analyst):
    progress_recompute()
    page = client_for(analyst).get(reverse("dashboards:province", args=["35"])).text
    tiles = re.findall(r'<a class="rg-tile rg-(\w+)" href="([^"]+)"', page)
    assert len(tiles) == 38
    by_href = {href: stage for stage, href in tiles}
    assert by_href[reverse("regions:detail", args=["35.79"])] == "operating"
    assert by_href[reverse("regions:detail", args=["35.07"])] == "preparing"
    assert by_href[reverse("regions:detail", args=["35.08"])] == "committed"
    assert by_href[reverse("regions:detail", args=["35.01"])] == "none"
    assert "Kota Batu" in page
