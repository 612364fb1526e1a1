"""Dates are bounded where the programme bounds them: events from 1 January 2017 to today, no future
inauguration, on every path (API, page, service), with a translated message; nothing is saved."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from commitments.models import SigningEvent
from commitments.services import signing_event_create
from regions.inaugurations import inauguration_create
from regions.models import Inauguration
from tests.conftest import api_for, client_for


def _tomorrow() -> str:
    return (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


@pytest.mark.parametrize("value", ["0001-01-01", "2016-12-31", "9999-12-31", "tomorrow"])
@pytest.mark.parametrize("path", ["/api/inaugurations/", "/api/signing-events/"])
def test_the_api_refuses_a_date_outside_the_programme(admin_user, path, value):
    value = _tomorrow() if value == "tomorrow" else value
    response = api_for(admin_user).post(path, {"date": value, "place": "Jakarta"}, format="json")
    assert response.status_code == 400, response.content
    message = " ".join(response.json()["date"])
    assert "2017" in message or "masa depan" in message
    assert not Inauguration.objects.exists() and not SigningEvent.objects.exists()


def test_the_message_is_translated(admin_user):
    api = api_for(admin_user)
    api.cookies["django_language"] = "en"
    response = api.post("/api/inaugurations/", {"date": "2016-05-01"}, format="json")
    assert response.status_code == 400
    assert "2017" in response.json()["date"][0] and "Tanggal" not in response.json()["date"][0]


def test_the_first_day_and_today_are_accepted(admin_user):
    api = api_for(admin_user)
    assert api.post("/api/inaugurations/", {"date": "2017-01-01"}, format="json").status_code == 201
    today = timezone.localdate().isoformat()
    assert api.post("/api/signing-events/", {"date": today}, format="json").status_code == 201


def test_the_services_refuse_for_loaders_and_imports_too(registry):
    with pytest.raises(ValidationError):
        inauguration_create(user=None, date=datetime.date(2016, 1, 1))
    with pytest.raises(ValidationError):
        signing_event_create(user=None, year=2101)
    assert not Inauguration.objects.exists() and not SigningEvent.objects.exists()


def test_the_page_form_shows_the_error(admin_user):
    page = client_for(admin_user).post("/peristiwa/peresmian/baru/", {"date": "9999-12-31", "mode": "in_person"})
    assert page.status_code in (200, 400)
    assert "masa depan" in page.text
    assert not Inauguration.objects.exists()
