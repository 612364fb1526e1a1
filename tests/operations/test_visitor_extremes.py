"""The MPPs with the fewest and the most visitors in a month, absolute and relative to their own average,
from the recompute's snapshot; demo MPPs and unverified reports never appear."""
import datetime

import pytest

from operations import selectors, services

from .conftest import MONTH

CODES = ["35.79", "35.73", "33.74", "35.78", "31.71"]
# (visitors in June, usual visitors in the 12 months before)
SERIES = {"35.79": (500, 1000), "35.73": (3000, 1500), "33.74": (800, 800), "35.78": (9000, 10000),
          "31.71": (100, None)}


@pytest.fixture
def ranked(operating_mpp, admin_user, submit, batu_officer):
    mpps = {}
    for code in CODES:
        mpp = mpps[code] = operating_mpp(code, f"MPP {code}")
        june, usual = SERIES[code]
        if usual:
            for k in range(1, 13):
                month = services.rules.month_add(MONTH, -k)
                submit(admin_user, mpp, month=month, visitors=usual, day=datetime.date(2025, 7, 1))
        submit(admin_user, mpp, visitors=june)
    demo = operating_mpp("35.07", "MPP Contoh", is_demo=True)
    submit(admin_user, demo, visitors=1)
    submit(batu_officer, operating_mpp("35.79", "MPP Kedua"), visitors=5)
    services.figures_recompute(today=datetime.date(2025, 7, 20))
    return mpps


def names(rows):
    return [r.mpp.name for r in rows]


def test_fewest_and_most_visitors_absolute(ranked):
    lists = selectors.visitor_extremes(month=MONTH, size=3)
    assert names(lists["fewest"]) == ["MPP 31.71", "MPP 35.79", "MPP 33.74"]
    assert names(lists["most"]) == ["MPP 35.78", "MPP 35.73", "MPP 33.74"]


def test_fewest_and_most_relative_to_their_own_average(ranked):
    lists = selectors.visitor_extremes(month=MONTH, by="relative", size=2)
    assert names(lists["fewest"]) == ["MPP 35.79", "MPP 35.78"]  # 0.5x, 0.9x
    assert names(lists["most"]) == ["MPP 35.73", "MPP 33.74"]  # 2.0x, 1.0x
    assert lists["fewest"][0].own_average == 1000 and lists["fewest"][0].relative == 0.5


def test_lists_per_province(ranked):
    lists = selectors.visitor_extremes(month=MONTH, province_code="35", size=10)
    assert names(lists["fewest"]) == ["MPP 35.79", "MPP 35.73", "MPP 35.78"]


def test_the_api_gives_both_lists(ranked, analyst):
    from tests.conftest import api_for

    body = api_for(analyst).get("/api/operations/visitors/?month=2025-06&by=relative").json()
    assert body["by"] == "relative"
    assert body["fewest"][0]["mpp_name"] == "MPP 35.79" and body["most"][0]["relative"] == 2.0


def test_the_mpp_page_shows_its_own_history(ranked, analyst):
    from tests.conftest import client_for

    history = selectors.mpp_history(mpp=ranked["35.79"], today=datetime.date(2025, 7, 20))
    assert [r.visitors for r in history] == [1000] * 12 + [500]
    assert [r.month for r in history][0] == datetime.date(2024, 6, 1)
    page = client_for(analyst).get(f"/operasional/mpp/{ranked['35.79'].pk}/").content.decode()
    assert "<td class=\"num\">500</td>" in page
