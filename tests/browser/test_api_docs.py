"""The API docs (Swagger UI, served offline) render under the portal's Content-Security-Policy: the page's
script is a file of the same origin, not an inline block the policy would block."""
import pytest

from tests.browser.conftest import log_in

pytestmark = pytest.mark.integration


def test_the_api_docs_list_the_operations_under_the_csp(page, registry, analyst):
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text
            else None)
    log_in(page, analyst)
    response = page.goto("/api/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".opblock", timeout=20_000)
    operations = page.locator(".opblock-summary-path")
    assert operations.count() > 40
    paths = {operations.nth(i).inner_text().strip() for i in range(operations.count())}
    assert "/api/progress/" in paths and "/api/mpps/" in paths
    assert blocked == []
