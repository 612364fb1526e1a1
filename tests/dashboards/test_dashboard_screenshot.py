"""The national dashboard in a real Chromium: tiles and the curve fit a 1366x768 laptop screen."""

import pytest
from django.conf import settings
from django.urls import reverse

from dashboards.history import load as load_reported_totals
from dashboards.services import progress_recompute
from tests.browser.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, require_chromium
from tests.conftest import client_for


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_national_dashboard_renders_tiles_and_curve_on_one_laptop_screen(known_rollout, analyst, live_server):
    require_chromium()
    from playwright.sync_api import sync_playwright

    load_reported_totals(stdout=open("/dev/null", "w"))
    progress_recompute()
    session = client_for(analyst).cookies[settings.SESSION_COOKIE_NAME].value
    ARTIFACTS.mkdir(exist_ok=True)
    # No ORM below: Playwright runs an event loop in this thread.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(live_server.url + reverse("dashboards:national"))
        page.screenshot(path=str(ARTIFACTS / "national_dashboard.png"))
        page.screenshot(path=str(ARTIFACTS / "national_dashboard_full.png"), full_page=True)
        tiles = page.locator(".tiles").bounding_box()
        chart = page.locator("svg.chart-wide").bounding_box()
        tile_text = page.locator(".tiles").inner_text()
        sortable = page.locator("table[data-sortable] th[data-sort]").first
        sortable.click()
        first_province = page.locator("table[data-sortable] tbody tr td a").first.inner_text()
        browser.close()
    assert (ARTIFACTS / "national_dashboard.png").stat().st_size > 10_000
    assert tiles["y"] >= 0 and chart["y"] + chart["height"] <= 768, (tiles, chart)
    assert "dari 509 unit" in tile_text and "0,8%" in tile_text
    assert first_province == "Aceh"  # sorted by name after the click
