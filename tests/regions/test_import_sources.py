"""Recorded imports cite their source: --source for the file or a source column per row; none is refused."""
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from commitments.models import Commitment, SigningEvent
from regions.imports import mpp_import
from regions.models import Inauguration, Mpp

pytestmark = pytest.mark.django_db


def write_csv(tmp_path: Path, text: str, name="mpp.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_mpp_import_without_any_source_is_refused_line_by_line_and_saves_nothing(registry, tmp_path):
    path = write_csv(tmp_path, "region,name,tenant_count,service_count\nKota Batu,Among Warga,26,207\nKota Malang,,,\n")
    output = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_mpps", str(path), "--event-date", "2022-12-05", stdout=output)
    assert "baris 2, source" in output.getvalue() and "baris 3, source" in output.getvalue()
    assert not Mpp.objects.exists() and not Inauguration.objects.exists()


def test_the_file_source_is_kept_on_each_mpp_and_fills_the_new_event(registry, tmp_path):
    path = write_csv(tmp_path, "region,name,tenant_count,service_count\nKota Batu,Among Warga,26,207\n")
    call_command("import_mpps", str(path), "--event-date", "2022-12-05", "--source",
                 "nasional.kompas.com, 5 Dec 2022", stdout=io.StringIO())
    assert Mpp.objects.get().source == "nasional.kompas.com, 5 Dec 2022"
    assert Inauguration.objects.get().source == "nasional.kompas.com, 5 Dec 2022"


def test_a_source_column_counts_per_row_and_a_row_without_one_fails_when_the_file_gives_none(registry, tmp_path):
    path = write_csv(tmp_path, "region,name,source\nKota Batu,Among Warga,agropolitan.tv\nKota Malang,,\n")
    report = mpp_import(user=None, content=path.read_bytes(), filename=path.name)
    assert [(e.line, e.field) for e in report.errors] == [(3, "source")]
    report = mpp_import(user=None, content=path.read_bytes(), filename=path.name, source="menpan.go.id")
    assert report.ok
    assert dict(Mpp.objects.values_list("region__code", "source")) == {
        "35.79": "agropolitan.tv", "35.73": "menpan.go.id"}


def test_a_recorded_event_source_is_never_replaced_by_an_import(registry, tmp_path):
    Inauguration.objects.create(date="2022-12-05", source="nasional.kompas.com, 5 Dec 2022")
    path = write_csv(tmp_path, "region,name,tenant_count,service_count\nKota Batu,Among Warga,26,207\n")
    call_command("import_mpps", str(path), "--event-date", "2022-12-05", "--source", "catatan lain",
                 stdout=io.StringIO())
    assert Inauguration.objects.get().source == "nasional.kompas.com, 5 Dec 2022"
    assert Mpp.objects.get().source == "catatan lain"


def test_a_commitment_import_without_a_source_is_refused_and_with_one_records_it(registry, tmp_path):
    path = write_csv(tmp_path, "region,signatory_title,outcome\nKota Malang,Wali Kota,signed\n", "komitmen.csv")
    with pytest.raises(CommandError):
        call_command("import_commitments", str(path), "--event-date", "2021-03-02", stdout=io.StringIO())
    assert not Commitment.objects.exists() and not SigningEvent.objects.exists()
    call_command("import_commitments", str(path), "--event-date", "2021-03-02", "--source",
                 "tabloidjawatimur.com", stdout=io.StringIO())
    assert Commitment.objects.get().source == "tabloidjawatimur.com"
    assert SigningEvent.objects.get().source == "tabloidjawatimur.com"


def test_the_import_api_takes_a_source_and_refuses_a_file_without_one(registry, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import api_for

    def upload():
        return SimpleUploadedFile("mpp.csv", b"region,name,tenant_count,service_count\nKota Batu,Among Warga,26,207\n")

    client = api_for(admin_user)
    refused = client.post("/api/imports/", {"kind": "mpps", "dry_run": "false", "file": upload()}, format="multipart")
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "source"
    saved = client.post("/api/imports/", {"kind": "mpps", "dry_run": "false", "file": upload(),
                                          "source": "agropolitan.tv, 5 Dec 2022"}, format="multipart")
    assert saved.status_code == 200 and Mpp.objects.get().source == "agropolitan.tv, 5 Dec 2022"
