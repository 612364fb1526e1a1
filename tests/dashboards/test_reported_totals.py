from io import StringIO

import pytest
from django.core.management import call_command

from dashboards.history import load
from dashboards.models import ReportedTotal

pytestmark = pytest.mark.django_db


def test_reported_totals_load_with_their_sources_and_again_without_duplicates():
    load(stdout=StringIO())
    first = list(ReportedTotal.objects.values_list("date", "total", "source"))
    out = StringIO()
    load(stdout=out)
    assert list(ReportedTotal.objects.values_list("date", "total", "source")) == first
    assert "0 baru" in out.getvalue()
    assert len(first) >= 15 and all(source for _date, _total, source in first)
    assert ReportedTotal.objects.get(date="2022-12-05").total == 103


def test_load_history_includes_the_reported_totals():
    call_command("load_history", stdout=StringIO())
    assert ReportedTotal.objects.get(date="2024-12-12").total == 272
