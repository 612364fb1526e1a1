"""Evaluation results come in from CSV or XLSX by region name: all or nothing, every bad line reported."""
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from mpp_portal.models import ChangeRecord
from quality.imports import evaluations_import
from quality.models import Evaluation, EvaluationCategory
from tests.conftest import api_for, client_for

pytestmark = pytest.mark.django_db

HEADER = "region,year,category,score,decree,source\n"


def import_csv(text: str, **options):
    return evaluations_import(content=text.encode(), filename="hasil.csv", **options)


def test_it_imports_results_for_the_regions_mpps(make_mpp, admin_user):
    batu = make_mpp("35.79", "MPP Among Warga")
    make_mpp("35.73")
    text = HEADER + "Kota Batu,2024,Prima,92.5,SK MenPANRB 661/2024,SK\nKota Malang,2024,Sangat Baik,\"81,2\",,\n"
    report = import_csv(text, user=admin_user)
    assert report.ok and len(report.created) == 2
    evaluation = Evaluation.objects.get(mpp=batu)
    assert (evaluation.year, evaluation.category.name, str(evaluation.score), evaluation.decree) == (
        2024, "Prima", "92.50", "SK MenPANRB 661/2024")
    assert evaluation.region.code == "35.79"
    assert str(Evaluation.objects.get(region__code="35.73").score) == "81.20"
    assert ChangeRecord.objects.filter(action="import", region__code="35.79").exists()


def test_an_ambiguous_name_is_reported_with_both_candidates_and_nothing_is_saved(make_mpp, admin_user):
    make_mpp("35.79")
    make_mpp("35.06")
    make_mpp("35.71")
    report = import_csv(HEADER + "Kota Batu,2024,Prima,,,\nKediri,2024,Baik,,,\n", user=admin_user)
    assert not report.ok
    assert [error.line for error in report.errors] == [3]
    message = report.errors[0].message
    assert "35.06" in message and "35.71" in message and "ambigu" in message
    assert not Evaluation.objects.exists()


def test_a_region_without_an_mpp_fails_its_line(make_mpp, admin_user):
    make_mpp("35.79")
    report = import_csv(HEADER + "Kota Batu,2024,Prima,,,\nKab. Pacitan,2024,Baik,,,\n", user=admin_user)
    assert [(e.line, "belum memiliki MPP" in e.message) for e in report.errors] == [(3, True)]
    assert not Evaluation.objects.exists()


def test_a_region_with_several_mpps_needs_the_mpp_column(make_mpp, admin_user):
    make_mpp("35.78", "MPP Siola")
    second = make_mpp("35.78", "MPP Balai Pemuda")
    report = import_csv(HEADER + "Kota Surabaya,2024,Prima,,,\n", user=admin_user)
    assert "isi kolom mpp" in report.errors[0].message
    report = import_csv("region,year,category,mpp\nKota Surabaya,2024,Prima,mpp balai pemuda\n",
                                user=admin_user)
    assert report.ok
    assert Evaluation.objects.get().mpp == second


def test_every_bad_value_is_reported_per_line(make_mpp, admin_user):
    make_mpp("35.79")
    text = HEADER + "Kota Batu,1999,Luar Biasa,120,,\nAntah Berantah,2024,Prima,,,\n"
    report = import_csv(text, user=admin_user)
    messages = [str(error) for error in report.errors]
    assert len(messages) == 4
    assert all(m.startswith("baris 2") for m in messages[:3]) and messages[3].startswith("baris 3, region")


def test_a_dry_run_reports_without_saving_and_a_reimport_updates(make_mpp, admin_user):
    make_mpp("35.79")
    assert len(import_csv(HEADER + "Kota Batu,2024,Baik,,,\n", user=admin_user, dry_run=True).created) == 1
    assert not Evaluation.objects.exists()
    import_csv(HEADER + "Kota Batu,2024,Baik,,,\n", user=admin_user)
    report = import_csv(HEADER + "Kota Batu,2024,Sangat Baik,,,\n", user=admin_user)
    assert (len(report.created), len(report.updated)) == (0, 1)
    assert Evaluation.objects.get().category.key == "sangat_baik"


def test_the_command_imports_and_fails_loudly_on_errors(make_mpp, tmp_path):
    make_mpp("35.79")
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("region;year;category\nKota Batu;2023;Prima\n", encoding="utf-8")
    bad.write_text(HEADER + "Malang,2023,Prima,,,\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_evaluations", str(bad), stdout=StringIO(), stderr=err)
    assert "baris 2, region" in err.getvalue() and "35.07" in err.getvalue() and "35.73" in err.getvalue()
    call_command("import_evaluations", str(good), "--dry-run", stdout=StringIO())
    assert not Evaluation.objects.exists()
    call_command("import_evaluations", str(good), stdout=StringIO())
    assert Evaluation.objects.get().year == 2023


def test_only_admins_may_open_the_upload_page(make_mpp, admin_user, analyst, batu_officer):
    make_mpp("35.79")
    assert client_for(batu_officer).get("/kualitas/evaluasi/impor/").status_code == 403
    assert client_for(analyst).get("/kualitas/evaluasi/impor/").status_code == 403
    client = client_for(admin_user)
    bad = SimpleUploadedFile("e.csv", (HEADER + "Kediri,2024,Prima,,,\n").encode())
    response = client.post("/kualitas/evaluasi/impor/", {"file": bad})
    assert response.status_code == 400 and "35.06" in response.content.decode()
    good = SimpleUploadedFile("e.csv", (HEADER + "Kota Batu,2024,Prima,,,\n").encode())
    assert client.post("/kualitas/evaluasi/impor/", {"file": good}).status_code == 302
    assert Evaluation.objects.count() == 1


def test_the_api_import_is_for_admins_and_reports_lines_as_field_errors(make_mpp, admin_user, batu_officer):
    make_mpp("35.79")
    upload = SimpleUploadedFile("e.csv", (HEADER + "Kota Batu,2024,Prima,,,\n").encode())
    assert api_for(batu_officer).post("/api/evaluations/import/", {"file": upload}).status_code == 403
    bad = SimpleUploadedFile("e.csv", (HEADER + "Kediri,2024,Prima,,,\n").encode())
    response = api_for(admin_user).post("/api/evaluations/import/", {"file": bad})
    assert response.status_code == 400
    assert [(e["line"], e["field"]) for e in response.json()["errors"]] == [(2, "region")]
    upload.seek(0)
    response = api_for(admin_user).post("/api/evaluations/import/", {"file": upload})
    assert response.status_code == 200 and len(response.json()["created"]) == 1


def test_a_result_recorded_for_the_region_is_completed_by_the_row_naming_its_mpp(make_mpp, admin_user):
    first, second = make_mpp("35.78", "MPP Siola"), make_mpp("35.78", "MPP Balai Pemuda")
    Evaluation.objects.create(region=first.region, year=2023, category=EvaluationCategory.objects.get(key="prima"),
                              source="load_history")
    text = "region,year,category,mpp\nKota Surabaya,2023,Prima,MPP Siola\nKota Surabaya,2023,Baik,MPP Balai Pemuda\n"
    report = import_csv(text, user=admin_user)
    assert (len(report.created), len(report.updated)) == (1, 1)
    assert Evaluation.objects.get(mpp=first).source == "load_history"
    assert Evaluation.objects.get(mpp=second).category.key == "baik"
    assert not Evaluation.objects.filter(mpp__isnull=True).exists()
