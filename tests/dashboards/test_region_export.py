import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dashboards.exports import neutralise
from regions.models import Region
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(_body(response).decode("utf-8-sig")), delimiter=";"))


def test_the_csv_export_follows_the_region_list_filters(known_rollout, analyst):
    response = client_for(analyst).get(reverse("dashboards:region-export", args=["csv"]), {"province": "35"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv_rows(response)
    assert rows[0][:2] == ["Kode", "Nama"] and len(rows) == 1 + 38
    batu = next(row for row in rows if row[0] == "35.79")
    assert batu[1] == "Kota Batu" and batu[6] == "Beroperasi" and batu[7] == "1"


def test_the_stage_filter_applies_to_the_export(known_rollout, analyst):
    response = client_for(analyst).get(reverse("dashboards:region-export", args=["csv"]), {"stage": "operating"})
    assert sorted(row[0] for row in _csv_rows(response)[1:]) == ["31.71", "31.72", "35.73", "35.78", "35.79"]


def test_the_xlsx_export_has_the_same_rows(known_rollout, analyst):
    response = client_for(analyst).get(reverse("dashboards:region-export", args=["xlsx"]), {"kind": "kota"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(_body(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + 98
    assert ("35.79", "Kota Batu") == rows[[r[0] for r in rows].index("35.79")][:2]


def test_cells_that_would_run_as_formulas_are_neutralised(known_rollout, analyst):
    Region.objects.filter(code="35.79").update(name='=HYPERLINK("http://evil","klik")')
    client = client_for(analyst)
    rows = _csv_rows(client.get(reverse("dashboards:region-export", args=["csv"]), {"province": "35"}))
    assert next(row for row in rows if row[0] == "35.79")[1] == "'=HYPERLINK(\"http://evil\",\"klik\")"
    sheet = load_workbook(io.BytesIO(_body(client.get(reverse("dashboards:region-export", args=["xlsx"]))))).active
    names = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert "'=HYPERLINK(\"http://evil\",\"klik\")" in names
    neutralised = [neutralise(v) for v in ("+1", "-1", "@SUM(A1)", "Kota Batu", 7)]
    assert neutralised == ["'+1", "'-1", "'@SUM(A1)", "Kota Batu", 7]


def test_an_invalid_filter_is_a_clear_error(known_rollout, analyst):
    response = client_for(analyst).get(reverse("dashboards:region-export", args=["csv"]), {"stage": "bogus"})
    assert response.status_code == 400 and "Filter tidak valid" in response.content.decode()


def test_the_region_list_links_to_the_exports_with_its_filters(known_rollout, analyst):
    page = client_for(analyst).get(reverse("regions:list"), {"province": "35"}).text
    assert reverse("dashboards:region-export", args=["csv"]) + "?province=35" in page
    assert reverse("dashboards:region-export", args=["xlsx"]) + "?province=35" in page


def test_anonymous_visitors_cannot_export(client, registry):
    assert client.get(reverse("dashboards:region-export", args=["csv"])).status_code == 302
