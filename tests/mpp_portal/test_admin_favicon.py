"""The Django admin shows the portal's favicon (templates/admin/base_site.html), signed in or not."""
from django.contrib.staticfiles import finders

from tests.conftest import client_for


def test_the_admin_pages_link_the_portals_favicon(admin_user):
    assert finders.find("img/favicon.svg")
    for client, path in ((client_for(None), "/admin/login/"), (client_for(admin_user), "/admin/")):
        page = client.get(path)
        assert page.status_code == 200
        assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page.text, path
        assert 'id="site-name"' in page.text
