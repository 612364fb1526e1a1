"""The open datasets: CSV and JSON that parse back with their metadata, recorded data only, no personal data."""
import csv
import io
import json

from django.test import Client

from mou.models import AgreementParty
from opendata.datasets import DATASETS

from .conftest import publish

REQUIRED_METADATA = {"judul", "deskripsi", "produsen_data", "periode", "frekuensi_pemutakhiran", "lisensi", "kontak",
                     "variabel"}


def _get(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    return response


def test_an_anonymous_visitor_downloads_every_dataset_as_csv_and_json_that_parse_back_alike(recorded_and_demo):
    publish()
    for dataset in DATASETS:
        document = json.loads(_get(f"/data/{dataset.slug}.json").content)
        text = _get(f"/data/{dataset.slug}.csv").content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        metadata = json.loads(_get(f"/data/{dataset.slug}.metadata.json").content)

        assert REQUIRED_METADATA <= metadata.keys()
        assert metadata == document["metadata"]
        assert metadata["produsen_data"].startswith("Kementerian Pendayagunaan Aparatur Negara")
        assert [v["nama_variabel"] for v in metadata["variabel"]] == list(rows[0].keys())
        assert all({"definisi", "tipe_data", "satuan"} <= v.keys() for v in metadata["variabel"])
        assert len(rows) == len(document["data"]) == metadata["jumlah_baris"] > 0
        first_key = dataset.key[0]
        assert [r[first_key] for r in rows] == [str(r[first_key]) if r[first_key] is not None else ""
                                                for r in document["data"]]


def test_the_datasets_hold_recorded_figures_and_leave_out_demo_records(recorded_and_demo):
    publish()
    units = {r["kode_wilayah"]: r for r in json.loads(_get("/data/unit-sasaran.json").content)["data"]}
    mpps = json.loads(_get("/data/mpp.json").content)["data"]
    signings = json.loads(_get("/data/komitmen.json").content)["data"]
    events = json.loads(_get("/data/peresmian.json").content)["data"]

    assert len(units) == 514
    assert units["35.79"]["tahap"] == "operating" and units["35.79"]["tanggal_mpp_pertama_beroperasi"] == "2022-12-05"
    assert units["35.07"]["tahap"] == "preparing"
    assert units["11.01"]["tahap"] == "committed"
    # Aceh's demo MPP and demo commitment count for nothing.
    assert units["11.02"]["tahap"] == "none" and units["11.03"]["tahap"] == "none"
    assert sorted(m["kode_wilayah"] for m in mpps) == ["31.71", "31.72", "35.07", "35.08", "35.73", "35.78", "35.79"]
    assert [s["kode_wilayah"] for s in signings] == ["11.01"]
    assert events[0]["jumlah_mpp_tercatat"] == 1 and events[0]["jumlah_mpp_menurut_sumber"] == 26
    batu = next(m for m in mpps if m["kode_wilayah"] == "35.79")
    assert batu["id_peresmian"] == events[0]["id_peresmian"]


def test_the_monthly_series_counts_recorded_units_nationally_and_per_province(recorded_and_demo):
    publish()
    rows = json.loads(_get("/data/deret-bulanan.json").content)["data"]
    national = [r for r in rows if r["lingkup"] == "nasional" and r["basis"] == "kemenpanrb"
                and r["ukuran"] == "operating"]
    assert national[0]["bulan"] == "2017-06" and national[0]["unit_tercapai"] == 1
    assert national[-1]["unit_sasaran"] == 509
    # DKI Jakarta's two units count once on KemenPANRB's basis: 31.71, 35.73, 35.79, 35.78 = 4 units.
    assert national[-1]["unit_tercapai"] == 4
    east_java = [r for r in rows if r["kode_provinsi"] == "35" and r["basis"] == "kemendagri"
                 and r["ukuran"] == "operating"]
    assert east_java[-1]["unit_tercapai"] == 3
    assert not [r for r in rows if r["kode_provinsi"] == "11"]  # the demo MPP in Aceh is no data point


def test_no_personal_data_or_formula_reaches_any_file(recorded_and_demo, batu_officer):
    release = publish()
    assert AgreementParty.objects.filter(signatory_name="Nama Pribadi Menteri").exists()
    for f in release.files.all():
        text = bytes(f.content).decode("utf-8-sig")
        assert "Nama Pribadi Bupati" not in text and "Nama Pribadi Menteri" not in text
        assert batu_officer.username not in text
        assert "HYPERLINK" not in text  # the demo MPP is left out altogether


def test_the_data_page_lists_every_dataset_and_release_without_a_login(recorded_and_demo):
    release = publish()
    page = _get("/data/").content.decode()
    for dataset in DATASETS:
        assert f"/data/{dataset.slug}.csv" in page
    assert release.tag in page and "catalog.jsonld" in page
