"""Every HTML page of the URL registry, as each role, in a real Chromium: no sideways scroll on a 375 px phone
(chart labels still at least 11 px there), no WCAG 2.1 A/AA violation that axe-core finds at 1366 px, and a
top bar of one row at 1366 px in Indonesian and English.

The pages come from the URLconf and tests/permission_matrix.py (the outcome each role gets), their
parameters from the permission matrix test's fixture objects; API routes, the admin site, non-HTML answers
(exports, files, health checks) and routes a role may not open are left out. axe-core is the npm package
the Makefile's setup installs (package-lock.json pins it), read from node_modules and injected into each
page: nothing is fetched while the test runs. One browser, one logged-in context per role.
"""
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in
from tests.browser.test_tile_map import populated  # noqa: F401  (a fixture: the demo portal)
from tests.mpp_portal.test_permission_matrix import fixture_objects, routes
from tests.permission_matrix import ROLES, ROUTES

pytestmark = pytest.mark.integration

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WALKED_ROLES = ("anonymous", "analyst", "batu_officer", "admin_user", "verifier")
PHONE, LAPTOP = {"width": 375, "height": 812}, {"width": 1366, "height": 768}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  // Name the widest elements reaching past the right edge, to say what to fix.
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      let inside = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (p === document.body || p === document.documentElement) break;
        if (getComputedStyle(p).overflowX !== "visible") { inside = true; break; }
      }
      const classes = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "";
      if (!inside) wide.push(`${el.tagName.toLowerCase()}${classes} (right ${Math.round(box.right)})`);
    }
  }
  return `${document.documentElement.scrollWidth} px wide: ${wide.slice(-3).join(", ")}`;
}"""

SMALL_CHART_TEXT = """() => {
  const small = [];
  for (const text of document.querySelectorAll("svg text")) {
    if (!text.getClientRects().length) continue;  // not shown at this width
    const ctm = text.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b);
    if (size < 10.95) small.push(`"${text.textContent.trim()}" ${size.toFixed(1)} px`);
  }
  return small.slice(0, 3);
}"""

# On a phone the key columns of the region tables stay in view without scrolling sideways, inside the table too.
KEY_COLUMNS = {"dashboards:national": "Cakupan", "dashboards:public": "Cakupan", "regions:list": "Tahap MPP"}
KEY_COLUMN_IN_VIEW = """(label) => {
  const th = [...document.querySelectorAll("table.data th")].find((t) => t.textContent.trim() === label);
  if (!th || !th.getClientRects().length) return `no visible column "${label}"`;
  const box = th.getBoundingClientRect(), wrap = th.closest(".table-wrap");
  if (box.left < 0 || box.right > window.innerWidth || (wrap && wrap.scrollWidth > wrap.clientWidth + 1)) {
    return `column "${label}" needs a sideways scroll (table ${wrap ? wrap.scrollWidth : "?"} px wide)`;
  }
  return null;
}"""

# The brand, the nav's links and the user's controls share one horizontal band: one row.
TOP_BAR_ROWS = """() => {
  const bar = document.querySelector(".topbar-inner");
  const items = [...bar.children, ...bar.querySelectorAll(".mainnav li")].filter((el) => el.getClientRects().length);
  const boxes = items.map((el) => el.getBoundingClientRect());
  const lowestTop = Math.max(...boxes.map((b) => b.top)), highestBottom = Math.min(...boxes.map((b) => b.bottom));
  return lowestTop < highestBottom ? null : `${Math.round(bar.getBoundingClientRect().height)} px high`;
}"""

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({id: v.id, impact: v.impact, count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}));
}"""


def pages_for(objects) -> dict[str, list[str]]:
    """The paths each role may open (outcome "ok"), by the permission matrix; a role the matrix does not
    ask for a route (the verifier on the older routes) is tried, and kept if the page answers."""
    found = {role: [] for role in WALKED_ROLES}
    for name, route in routes().items():
        if route.startswith("api/"):
            continue
        entry = ROUTES[name]
        path = reverse(name, kwargs={key: objects[value] for key, value in entry.get("kwargs", {}).items()})
        outcomes = dict(zip(ROLES, entry.get("GET", ())))
        for role in WALKED_ROLES:
            if outcomes.get(role, "ok") == "ok":
                found[role].append(path)
    return found


def test_every_page_fits_a_phone_passes_axe_and_keeps_a_one_row_top_bar(
    request, chromium, live_server, shot, populated, analyst, batu_officer, admin_user, verifier  # noqa: F811
):
    assert AXE.exists(), f"{AXE} is missing: run `make setup` (npm ci installs axe-core from package-lock.json)"
    axe_source = AXE.read_text()
    users = {role: None if role == "anonymous" else request.getfixturevalue(role) for role in ROLES}
    objects = fixture_objects(users)
    key_columns = {reverse(name): label for name, label in KEY_COLUMNS.items()}
    overflowing, small_text, violations, tall_bars, walked = [], [], [], [], 0
    html_paths: dict[str, bool] = {}
    for role, paths in pages_for(objects).items():
        context = chromium.new_context(viewport=LAPTOP, locale="id-ID", base_url=live_server.url, bypass_csp=True)
        context.set_default_timeout(15_000)
        page = context.new_page()
        if users[role] is not None:
            log_in(page, users[role])
        seen = set()
        for path in paths:
            if path not in html_paths:
                probe = context.request.get(path, max_redirects=0)
                if probe.status >= 300:  # a redirect (the language switch), or refused for a role not in the matrix
                    continue
                html_paths[path] = probe.headers.get("content-type", "").startswith("text/html")
            if not html_paths[path]:
                continue
            page.set_viewport_size(PHONE)
            response = page.goto(path)
            if page.url in seen or response is None or response.status != 200:
                continue
            seen.add(page.url)
            walked += 1
            shown = urlsplit(page.url).path
            where = f"{path} as {role}" if shown == path else f"{path} (showing {shown}) as {role}"
            if problem := page.evaluate(OVERFLOW):
                overflowing.append(f"{where}: {problem}")
                shot(page, f"overflow_375_{role}_{path.strip('/').replace('/', '_') or 'home'}", full_page=False)
            if shown in key_columns and (problem := page.evaluate(KEY_COLUMN_IN_VIEW, key_columns[shown])):
                overflowing.append(f"{where}: {problem}")
            if small := page.evaluate(SMALL_CHART_TEXT):
                small_text.append(f"{where}: {', '.join(small)}")
            page.set_viewport_size(LAPTOP)
            if problem := page.evaluate(TOP_BAR_ROWS):
                tall_bars.append(f"{where} (id): top bar {problem}")
            page.add_script_tag(content=axe_source)
            for v in page.evaluate(RUN_AXE, AXE_TAGS):
                violations.append(f"{v['id']} ({v['impact']}, {v['count']}×) on {where}: {'; '.join(v['targets'])}")
        # The top bar in English: the longest labels, on the page with the role's full navigation.
        context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
        page.goto("/")
        assert page.locator("html").get_attribute("lang") == "en"
        if problem := page.evaluate(TOP_BAR_ROWS):
            tall_bars.append(f"/ as {role} (en): top bar {problem}")
        shot(page, f"topbar_1366_en_{role}", full_page=False)
        context.close()
    report = {
        "pages wider than a 375 px phone": overflowing,
        "chart text under 11 px at 375 px": small_text,
        "axe-core WCAG 2.1 A/AA violations at 1366 px": violations,
        "top bars of more than one row at 1366 px": tall_bars,
    }
    print(f"walked {walked} pages as {len(WALKED_ROLES)} roles")
    assert walked > 100, f"only {walked} pages walked"
    failures = {title: items for title, items in report.items() if items}
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)
