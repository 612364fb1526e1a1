"""The province tile map in a real Chromium, on a laptop (1366 px) and a phone (375 px): every tile is
visible and reachable from the keyboard, the phone needs no sideways scroll; screenshots for review."""
import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from tests.browser.conftest import log_in

pytestmark = pytest.mark.integration


@pytest.fixture
def populated(registry, seeded_targets, settings):
    # The evaluation categories load_history needs come from a migration; an earlier flush may have taken them.
    importlib.import_module("quality.migrations.0002_seed_categories_and_criteria").seed(apps, None)
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_history", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    call_command("recompute_progress", stdout=io.StringIO())
    settings.DEBUG = False


@pytest.mark.parametrize("width, height", [(1366, 768), (375, 812)])
def test_the_map_is_readable_and_reachable_on_a_laptop_and_a_phone(page, shot, populated, analyst, width, height):
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, analyst)
    page.goto("/dasbor/")
    tiles = page.locator("a.tm-tile")
    assert tiles.count() == 38
    page.locator(".tilemap").scroll_into_view_if_needed()
    shot(page, f"tile_map_{width}", full_page=False)
    shot(page, f"dashboard_{width}_full")
    for index in range(38):
        box = tiles.nth(index).bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, (index, box)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    tiles.first.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused and "%" in focused and " dari " in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/dasbor/provinsi/*/")
    assert page.locator("a.rg-tile").count() > 0
    shot(page, f"province_grid_{width}")


def test_the_public_summary_map_and_search_on_a_phone(page, shot, populated):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/ringkasan/?q=Kab.+Magelang")
    assert page.locator("a.tm-tile").count() == 38
    assert "Kabupaten Magelang" in page.locator(".search-result").inner_text()
    shot(page, "public_summary_375")
    page.goto("/ringkasan/?q=Magelang")
    assert "Kota Magelang" in page.locator(".search-result").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
