"""Limits checked while reading, and input that used to end in a 500: oversized bodies, spreadsheet
bombs, unknown encodings, NUL bytes, digits that are not ASCII, a busy SQLite write lock."""
import io
import sqlite3
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from mpp_portal.imports import MAX_BYTES as IMPORT_MAX_BYTES
from mpp_portal.imports import MAX_ROWS as IMPORT_MAX_ROWS
from tests.conftest import api_for, client_for


def _xlsx(sheet_xml: bytes) -> bytes:
    """A minimal valid workbook whose first sheet is ``sheet_xml``, deflated."""
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        b'+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
        b'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
        b'name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _sheet(rows: int) -> bytes:
    row = b'<row><c t="inlineStr"><is><t>35.79</t></is></c></row>'
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row><c t="inlineStr"><is><t>region</t></is></c></row>' + row * rows + b"</sheetData></worksheet>")


def _import(admin_user, name, content, kind="mpps"):
    return api_for(admin_user).post("/api/imports/", {"kind": kind, "file": SimpleUploadedFile(name, content),
                                                      "dry_run": "true"}, format="multipart")


def test_a_small_xlsx_that_expands_to_300000_rows_stops_at_the_row_limit_in_little_memory(admin_user):
    bomb = _xlsx(_sheet(300_000))
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        response = _import(admin_user, "bom.xlsx", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status_code == 400
    assert f"{IMPORT_MAX_ROWS}" in str(response.json())
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1024 / 1024:.0f} MB"


def test_a_1_mb_xlsx_that_expands_to_a_million_rows_is_refused_unread_in_little_memory(admin_user):
    bomb = _xlsx(_sheet(1_200_000))
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        response = _import(admin_user, "bom.xlsx", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status_code == 400
    assert "terlalu besar" in str(response.json())
    assert peak < 10 * 1024 * 1024, f"peak {peak / 1024 / 1024:.0f} MB"


@pytest.mark.parametrize("url, field", [("/api/imports/", "non_field_errors"), ("/api/evaluations/import/", "file")])
def test_an_import_file_in_an_unknown_8bit_encoding_is_a_400(admin_user, url, field):
    content = "region,year,category\nKota Batu,2023,Prima\n".encode() + b"\x81\x8d\x8f\x90\x9d\n"
    body = {"kind": "mpps", "file": SimpleUploadedFile("data.csv", content), "dry_run": "true"}
    response = api_for(admin_user).post(url, body, format="multipart")
    assert response.status_code == 400
    assert "UTF-8" in str(response.json())


@pytest.mark.parametrize("url", ["/api/imports/", "/api/evaluations/import/"])
def test_a_nul_byte_in_an_import_cell_is_a_400(admin_user, url):
    content = b"region,year,category,name\n35.79,2023,Prima,MPP\x00Batu\n"
    body = {"kind": "mpps", "file": SimpleUploadedFile("data.csv", content), "dry_run": "true"}
    response = api_for(admin_user).post(url, body, format="multipart")
    assert response.status_code == 400
    assert "NUL" in str(response.json())


def test_the_evaluation_importer_has_the_same_size_and_row_limits(admin_user):
    api = api_for(admin_user)
    rows = "region,year,category\n" + "Kota Batu,2023,Prima\n" * (IMPORT_MAX_ROWS + 1)
    response = api.post("/api/evaluations/import/", {"file": SimpleUploadedFile("e.csv", rows.encode())},
                        format="multipart")
    assert response.status_code == 400 and f"{IMPORT_MAX_ROWS}" in str(response.json())
    big = b"region,year,category\n" + b"x" * (IMPORT_MAX_BYTES + 1)
    response = api.post("/api/evaluations/import/", {"file": SimpleUploadedFile("e.csv", big)}, format="multipart")
    assert response.status_code == 400 and "terlalu besar" in str(response.json())


def test_the_evaluation_import_page_refuses_an_unknown_encoding_as_a_file_error(admin_user):
    response = client_for(admin_user).post("/kualitas/evaluasi/impor/", {
        "file": SimpleUploadedFile("e.csv", b"region,year,category\n\x81\x8d\n")})
    assert response.status_code == 400
    [error] = response.context["report"].errors
    assert (error.line, error.field) == (1, "file") and "UTF-8" in error.message


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/auth/token/", "/masuk/", "/api/imports/"])
def test_a_200_mb_body_is_refused_before_it_is_read(client, path, settings):
    response = client.generic("POST", path, b"x" * 10, content_type="application/octet-stream",
                              CONTENT_LENGTH=str(200 * 1024 * 1024))
    assert response.status_code == 413
    assert settings.REQUEST_MAX_BYTES < 200 * 1024 * 1024


@pytest.mark.django_db
def test_an_oversized_api_body_is_answered_in_json(client):
    response = client.generic("POST", "/api/auth/token/", b"{}", content_type="application/json",
                              CONTENT_LENGTH=str(50 * 1024 * 1024))
    assert response.status_code == 413
    assert "MB" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/regions/35%0079/", "/wilayah/35%00/", "/api/regions/?search=a%00b",
                                  "/api/mpps/?region=35%00"])
def test_a_nul_byte_in_a_path_or_query_is_a_400(analyst, path):
    response = (api_for(analyst) if path.startswith("/api/") else client_for(analyst)).get(path)
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/api/progress/history/?target=²", "/api/quality/summary/?year=²",
                                  "/api/quality/summary/?fiscal_year=99999999999999999999"])
def test_a_query_value_that_passes_isdigit_but_not_int_is_a_400(admin_user, path):
    response = api_for(admin_user).get(path)
    assert response.status_code == 400
    assert response.json()


@pytest.mark.parametrize("path", ["/dasbor/?sasaran=²", "/kualitas/?tahun=²", "/dasbor/?sasaran=99999999999999999999"])
def test_a_page_ignores_a_number_it_cannot_read(admin_user, path):
    assert client_for(admin_user).get(path).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_writer_held_up_by_another_writer_gets_a_503_on_sqlite_and_waits_its_turn_on_postgresql(admin_user,
                                                                                               registry):
    """Each database's own answer, asserted in its own pass: SQLite has one write lock for the whole file, so a
    writer that cannot get it in time is told to retry and writes nothing; PostgreSQL locks the row, so the
    writer waits for the other transaction and then writes."""
    import threading

    import psycopg

    from regions.models import Mpp
    from tests.regions.conftest import mpp_in

    mpp = mpp_in("35.79", name="MPP Among Warga")
    if connection.vendor == "sqlite":
        holder = sqlite3.connect(connection.settings_dict["NAME"], timeout=1)
        holder.execute("BEGIN IMMEDIATE")
        release = holder.rollback
    else:
        params = connection.get_connection_params()
        holder = psycopg.connect(**{k: v for k, v in params.items() if k in ("host", "port", "user", "dbname",
                                                                              "password")})
        holder.execute("SELECT 1 FROM regions_mpp WHERE id = %s FOR UPDATE", [mpp.pk])
        timer = threading.Timer(1.0, holder.rollback)
        timer.start()
        release = timer.join
    started = time.monotonic()
    try:
        # An admin's change is written at once (an officer's becomes a report to verify).
        response = api_for(admin_user).patch(f"/api/mpps/{mpp.pk}/", {"version": mpp.version, "tenant_count": 9},
                                             format="json")
    finally:
        waited = time.monotonic() - started
        release()
        holder.close()
    if connection.vendor == "sqlite":
        assert response.status_code == 503
        assert response["Retry-After"] == "5"
        assert "coba lagi" in response.json()["detail"]
        assert Mpp.objects.get(pk=mpp.pk).tenant_count == mpp.tenant_count
    else:
        assert response.status_code == 200, response.content
        assert waited >= 0.9
        assert Mpp.objects.get(pk=mpp.pk).tenant_count == 9


@pytest.mark.parametrize("body", [{"region": "a\x00b", "name": "MPP"}, {"name": ["x", {"y": "\x00"}]}])
def test_a_nul_byte_anywhere_in_a_json_body_is_a_400(batu_officer, body):
    response = api_for(batu_officer).post("/api/mpps/", body, format="json")
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
