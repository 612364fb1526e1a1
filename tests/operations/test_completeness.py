"""Completeness and timeliness per month, nationally and per province, on a small known fixture:
one MPP reported on time, one late, one missing; one opened after the month and a demo MPP not counted."""
import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from operations import selectors, services
from operations.models import OperationsFigure

from .conftest import MONTH

JULY = datetime.date(2025, 7, 1)


@pytest.fixture
def known(submit, operating_mpp, batu_officer, malang_officer, verifier, admin_user):
    batu = operating_mpp("35.79", "MPP Among Warga")
    malang = operating_mpp("35.73", "MPP Kota Malang")
    semarang = operating_mpp("33.74", "MPP Kota Semarang")
    operating_mpp("35.78", "MPP Siola", opened=datetime.date(2025, 7, 3))
    demo = operating_mpp("35.07", "MPP Contoh", is_demo=True)
    on_time = submit(batu_officer, batu, day=datetime.date(2025, 7, 10), visitors=1200, ikm=80)
    services.operations_report_verify(user=verifier, report=on_time)
    submit(malang_officer, malang, day=datetime.date(2025, 7, 11), visitors=900)
    submit(admin_user, demo, day=datetime.date(2025, 7, 2), visitors=99999)
    services.figures_recompute(today=datetime.date(2025, 8, 15))
    return {"batu": batu, "malang": malang, "semarang": semarang}


def test_the_due_date_is_the_10th_of_the_next_month():
    assert services.rules.due_date(MONTH) == datetime.date(2025, 7, 10)
    assert services.rules.is_on_time(MONTH, datetime.date(2025, 7, 10))
    assert not services.rules.is_on_time(MONTH, datetime.date(2025, 7, 11))


def test_national_completeness_and_timeliness_count_recorded_operating_mpps(known):
    june = OperationsFigure.objects.get(month=MONTH, province__isnull=True)
    assert (june.operating, june.reported, june.on_time, june.verified) == (3, 2, 1, 1)
    assert june.completeness == pytest.approx(2 / 3) and june.timeliness == pytest.approx(1 / 3)
    # Sums come from verified reports only: Malang's waits, the demo MPP's never counts.
    assert june.visitors == 1200 and june.ikm_average == 80


def test_completeness_per_province(known):
    east_java = OperationsFigure.objects.get(month=MONTH, province__code="35")
    central_java = OperationsFigure.objects.get(month=MONTH, province__code="33")
    assert (east_java.operating, east_java.reported, east_java.on_time) == (2, 2, 1)
    assert (central_java.operating, central_java.reported, central_java.on_time) == (1, 0, 0)
    july = OperationsFigure.objects.get(month=JULY, province__code="35")
    assert (july.operating, july.reported) == (3, 0)  # Siola opened on 3 July


def test_the_missing_list_names_the_mpps_that_did_not_report(known, verifier):
    assert [m.name for m in selectors.missing_reports(month=MONTH)] == ["MPP Kota Semarang"]
    malang_report = known["malang"].operations_reports.get()
    services.operations_report_return(user=verifier, report=malang_report, reason="Lampiran kurang.")
    # A returned report is missing until it is submitted again.
    assert [m.name for m in selectors.missing_reports(month=MONTH)] == ["MPP Kota Semarang", "MPP Kota Malang"]  # by region code


def test_the_recompute_is_idempotent_and_logs_its_run(known):
    before = list(OperationsFigure.objects.values_list("month", "province", "operating", "reported", "visitors"))
    run = services.figures_recompute(today=datetime.date(2025, 8, 15))
    after = list(OperationsFigure.objects.values_list("month", "province", "operating", "reported", "visitors"))
    assert before == after and run.figures == len(after) and run.finished_at is not None


def test_the_pages_and_api_show_the_snapshot(known, analyst):
    from tests.conftest import api_for, client_for

    page = client_for(analyst).get("/operasional/?bulan=2025-06")
    assert page.status_code == 200 and "Jawa Timur" in page.content.decode()
    figures = api_for(analyst).get("/api/operations/figures/").json()
    june = next(f for f in figures if f["month"] == "2025-06-01")
    assert (june["operating"], june["reported"], june["on_time"]) == (3, 2, 1)
    missing = api_for(analyst).get("/api/operations/missing/?month=2025-06").json()
    assert [m["name"] for m in missing] == ["MPP Kota Semarang"]
    response = client_for(analyst).get("/operasional/ekspor/angka.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    june = next(r for r in rows if r["Bulan"] == "2025-06-01" and not r["Kode provinsi"])
    assert [june[c] for c in ("Provinsi", "MPP beroperasi", "Melapor", "Tepat waktu", "Kelengkapan (%)",
                              "Ketepatan waktu (%)", "Kunjungan", "Contoh")] == [
        "Nasional", "3", "2", "1", "66,7", "33,3", "1200", "tidak"]
    book = load_workbook(io.BytesIO(b"".join(client_for(analyst).get("/operasional/ekspor/angka.xlsx")
                                             .streaming_content)))
    assert book.sheetnames == ["Operasional per bulan", "Tentang"]
    assert sum(1 for _row in book["Operasional per bulan"].iter_rows(min_row=2)) == len(rows)
