"""The open datasets: what each holds, its metadata in the Satu Data Indonesia shape, and its files.

Metadata follows the Satu Data Indonesia (Perpres 39/2019) standard metadata, with one MS-Var style entry
(definition, data type, unit) per variable. Files are written in Bahasa Indonesia whatever the visitor's
language and carry no timestamp, so the same data always gives the same bytes and the same checksum.
"""
import csv
import datetime
import decimal
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from dashboards.exports import neutralise

from . import selectors

PRODUCER = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi (Kementerian PANRB)"
CONTACT = {"nama": "Kedeputian Bidang Pelayanan Publik, Kementerian PANRB", "url": "https://www.menpan.go.id/"}
LICENSE = {"nama": "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)",
           "url": "https://creativecommons.org/licenses/by/4.0/"}
FREQUENCY = _("Harian: diperiksa setiap malam dan setiap kali angka kemajuan dihitung ulang; rilis baru hanya "
              "bila data berubah.")
STAGES = _("tahap: none (belum ada), committed (komitmen), preparing (persiapan), operating (beroperasi)")
STATUSES = _("status: planned (direncanakan), committed (komitmen), preparing (persiapan), operating (beroperasi), "
             "suspended (tidak beroperasi)")


@dataclass(frozen=True)
class Variable:
    name: str
    definition: str
    type: str  # string | integer | decimal | boolean | date | month
    unit: str = "-"

    def metadata(self) -> dict:
        return {"nama_variabel": self.name, "definisi": str(self.definition), "tipe_data": self.type,
                "satuan": str(self.unit)}


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    keywords: tuple[str, ...]
    variables: tuple[Variable, ...]
    rows: Callable[[], list[dict]]
    key: tuple[str, ...]  # columns identifying a row, for the changelog
    period_from: tuple[str, ...]  # date or month columns that span the period

    def period(self, rows: list[dict]) -> dict:
        values = sorted(str(row[c]) for row in rows for c in self.period_from if row.get(c) not in (None, ""))
        return {"awal": values[0] if values else None, "akhir": values[-1] if values else None}

    def metadata(self, rows: list[dict]) -> dict:
        return {
            "judul": str(self.title),
            "deskripsi": str(self.description),
            "produsen_data": PRODUCER,
            "periode": self.period(rows),
            "frekuensi_pemutakhiran": str(FREQUENCY),
            "lisensi": LICENSE,
            "kontak": CONTACT,
            "kata_kunci": list(self.keywords),
            "jumlah_baris": len(rows),
            "variabel": [v.metadata() for v in self.variables],
        }


def _v(name, definition, type_, unit="-"):
    return Variable(name, definition, type_, unit)


REGION_VARIABLES = (
    _v("kode_wilayah", _("Kode kabupaten/kota menurut Kepmendagri (mis. 35.79)."), "string"),
    _v("nama_wilayah", _("Nama kabupaten/kota menurut Kepmendagri."), "string"),
)

DATASETS = (
    Dataset(
        slug="unit-sasaran",
        title=_("Tahap MPP per kabupaten/kota"),
        description=_("Setiap kabupaten/kota dalam daftar Kemendagri (514) dengan tahap MPP-nya, diturunkan dari MPP "
                      "dan komitmen yang tercatat: beroperasi bila ada MPP beroperasi, persiapan, komitmen, atau "
                      "belum ada. Basis KemenPANRB menghitung enam wilayah administrasi DKI Jakarta sebagai satu "
                      "unit (509 unit)."),
        keywords=("MPP", "Mal Pelayanan Publik", "kabupaten", "kota", "tahap"),
        variables=(
            *REGION_VARIABLES,
            _v("jenis", _("kabupaten atau kota."), "string"),
            _v("kode_provinsi", _("Kode provinsi menurut Kepmendagri."), "string"),
            _v("nama_provinsi", _("Nama provinsi."), "string"),
            _v("wilayah_administrasi_dki", _("Salah satu dari enam wilayah administrasi DKI Jakarta (bukan daerah "
                                             "otonom)."), "boolean"),
            _v("tahap", STAGES, "string"),
            _v("jumlah_mpp_beroperasi", _("Jumlah MPP beroperasi di kabupaten/kota ini."), "integer", "MPP"),
            _v("tanggal_mpp_pertama_beroperasi", _("Tanggal peresmian MPP beroperasi yang paling awal; kosong bila "
                                                   "tidak ada atau tidak diketahui."), "date"),
        ),
        rows=selectors.target_unit_rows,
        key=("kode_wilayah",),
        period_from=("tanggal_mpp_pertama_beroperasi",),
    ),
    Dataset(
        slug="mpp",
        title=_("Mal Pelayanan Publik"),
        description=_("Setiap MPP yang tercatat dan terverifikasi: wilayah, status, peresmian, jumlah instansi/UPP "
                      "dan layanan, integrasi OSS dan MPP Digital. Tanpa data contoh."),
        keywords=("MPP", "Mal Pelayanan Publik", "peresmian", "MPP Digital", "OSS"),
        variables=(
            _v("id_mpp", _("Nomor MPP di portal (tetap)."), "integer"),
            _v("nama_mpp", _("Nama MPP."), "string"),
            _v("alamat", _("Alamat MPP."), "string"),
            *REGION_VARIABLES,
            _v("kode_provinsi", _("Kode provinsi menurut Kepmendagri."), "string"),
            _v("status", STATUSES, "string"),
            _v("tanggal_peresmian", _("Tanggal peresmian MPP."), "date"),
            _v("id_peresmian", _("Nomor acara peresmian (dataset peresmian)."), "integer"),
            _v("jumlah_instansi", _("Jumlah instansi/UPP yang melayani di MPP; kosong bila tidak diketahui."),
               "integer", _("instansi")),
            _v("jumlah_layanan", _("Jumlah layanan di MPP; kosong bila tidak diketahui."), "integer", _("layanan")),
            _v("terintegrasi_oss", _("MPP terintegrasi dengan OSS (perizinan berusaha)."), "boolean"),
            _v("tanggal_integrasi_oss", _("Tanggal integrasi OSS."), "date"),
            _v("status_mpp_digital", _("MPP Digital: none, onboarding, live."), "string"),
            _v("mpp_digital_sejak", _("Tanggal MPP Digital mencapai statusnya."), "date"),
            _v("lintang", _("Lintang lokasi MPP (WGS 84)."), "decimal", _("derajat")),
            _v("bujur", _("Bujur lokasi MPP (WGS 84)."), "decimal", _("derajat")),
        ),
        rows=selectors.mpp_rows,
        key=("id_mpp",),
        period_from=("tanggal_peresmian",),
    ),
    Dataset(
        slug="peresmian",
        title=_("Acara peresmian MPP"),
        description=_("Acara peresmian MPP secara bertahap: tanggal, tempat, yang meresmikan, jumlah MPP menurut "
                      "sumber dan yang tercatat di portal, serta sumbernya."),
        keywords=("MPP", "peresmian", "Wakil Presiden", "MenPANRB"),
        variables=(
            _v("id_peresmian", _("Nomor acara peresmian di portal (tetap)."), "integer"),
            _v("tanggal", _("Tanggal acara; kosong bila sumber tidak menyebutnya."), "date"),
            _v("keterangan_tanggal", _("Keterangan tanggal bila tidak pasti."), "string"),
            _v("tempat", _("Tempat acara."), "string"),
            _v("diresmikan_oleh", _("Jabatan pejabat yang meresmikan, menurut sumber."), "string"),
            _v("cara", _("in_person (tatap muka) atau online (daring)."), "string"),
            _v("jumlah_mpp_menurut_sumber", _("Jumlah MPP yang diresmikan menurut sumber."), "integer", "MPP"),
            _v("jumlah_mpp_tercatat", _("Jumlah MPP tercatat di portal yang terkait acara ini."), "integer", "MPP"),
            _v("sumber", _("Sumber publik."), "string"),
            _v("catatan", _("Catatan, termasuk perbedaan antarsumber."), "string"),
        ),
        rows=selectors.inauguration_rows,
        key=("id_peresmian",),
        period_from=("tanggal",),
    ),
    Dataset(
        slug="komitmen",
        title=_("Penandatanganan komitmen pembangunan MPP"),
        description=_("Komitmen kepala daerah untuk membangun MPP, per acara penandatanganan dan kabupaten/kota: "
                      "hasil (ditandatangani atau tidak hadir), jabatan penanda tangan, target tahun beroperasi. "
                      "Nama penanda tangan tidak diterbitkan."),
        keywords=("MPP", "komitmen", "penandatanganan", "kepala daerah"),
        variables=(
            _v("id_acara", _("Nomor acara penandatanganan di portal (tetap)."), "integer"),
            _v("tanggal_acara", _("Tanggal acara."), "date"),
            _v("tahun_acara", _("Tahun acara."), "integer", _("tahun")),
            _v("tempat", _("Tempat acara."), "string"),
            _v("disaksikan_oleh", _("Pejabat yang menyaksikan, menurut sumber."), "string"),
            *REGION_VARIABLES,
            _v("kode_provinsi", _("Kode provinsi menurut Kepmendagri."), "string"),
            _v("jabatan_penanda_tangan", _("Jabatan penanda tangan (Bupati, Wali Kota, Pj ...)."), "string"),
            _v("hasil", _("signed (ditandatangani) atau absent (tidak hadir)."), "string"),
            _v("alasan_tidak_hadir", _("Alasan bila tidak hadir."), "string"),
            _v("target_tahun_beroperasi", _("Tahun MPP ditargetkan beroperasi."), "integer", _("tahun")),
            _v("sumber", _("Sumber publik."), "string"),
        ),
        rows=selectors.commitment_rows,
        key=("id_acara", "kode_wilayah"),
        period_from=("tanggal_acara",),
    ),
    Dataset(
        slug="nota-kesepahaman",
        title=_("Nota kesepahaman nasional MPP dan para pihaknya"),
        description=_("Nota kesepahaman nasional penyelenggaraan MPP dengan setiap pihak: kementerian, lembaga dan "
                      "BUMN, jabatan penanda tangan, dan apakah pihak itu sudah disahkan."),
        keywords=("MPP", "nota kesepahaman", "MoU", "kementerian", "lembaga"),
        variables=(
            _v("id_nota_kesepahaman", _("Nomor nota kesepahaman di portal (tetap)."), "integer"),
            _v("nomor", _("Nomor naskah."), "string"),
            _v("judul", _("Judul naskah."), "string"),
            _v("tanggal_penandatanganan", _("Tanggal penandatanganan."), "date"),
            _v("tempat", _("Tempat penandatanganan."), "string"),
            _v("status", _("draft, signed, in_force, expired, terminated."), "string"),
            _v("urutan_pihak", _("Urutan pihak dalam naskah."), "integer"),
            _v("nama_pihak", _("Nama instansi pihak."), "string"),
            _v("nama_singkat", _("Nama singkat instansi."), "string"),
            _v("jenis_pihak", _("Jenis instansi (kementerian, lembaga, BUMN ...)."), "string"),
            _v("jabatan_penanda_tangan", _("Jabatan penanda tangan pihak."), "string"),
            _v("disahkan", _("Catatan pihak sudah disahkan (empat mata) di portal."), "boolean"),
        ),
        rows=selectors.mou_party_rows,
        key=("id_nota_kesepahaman", "urutan_pihak", "nama_pihak"),
        period_from=("tanggal_penandatanganan",),
    ),
    Dataset(
        slug="deret-bulanan",
        title=_("Deret bulanan unit sasaran tercapai, nasional dan per provinsi"),
        description=_("Untuk setiap sasaran aktif: jumlah kumulatif unit sasaran yang tercapai pada akhir setiap "
                      "bulan, dari tanggal peresmian MPP yang tercatat (tanpa data contoh), nasional dan per "
                      "provinsi, dengan jumlah unit sasaran."),
        keywords=("MPP", "kemajuan", "deret waktu", "provinsi"),
        variables=(
            _v("id_sasaran", _("Nomor sasaran di portal."), "integer"),
            _v("ukuran", _("operating (MPP beroperasi) atau digital_live (MPP Digital aktif)."), "string"),
            _v("basis", _("kemenpanrb (508 kab/kota otonom + DKI Jakarta sebagai satu unit = 509) atau "
                          "kemendagri (514)."), "string"),
            _v("lingkup", _("nasional atau provinsi."), "string"),
            _v("kode_provinsi", _("Kode provinsi; kosong untuk nasional."), "string"),
            _v("nama_provinsi", _("Nama provinsi; kosong untuk nasional."), "string"),
            _v("bulan", _("Bulan (YYYY-MM)."), "month"),
            _v("unit_tercapai", _("Unit sasaran yang tercapai sampai akhir bulan itu (kumulatif)."), "integer",
               _("unit")),
            _v("unit_sasaran", _("Jumlah unit sasaran dalam lingkup itu."), "integer", _("unit")),
        ),
        rows=selectors.series_rows,
        key=("id_sasaran", "lingkup", "kode_provinsi", "bulan"),
        period_from=("bulan",),
    ),
)
BY_SLUG = {d.slug: d for d in DATASETS}


def cell(value) -> str:
    """One CSV cell: ISO dates, true/false, plain decimals; text that a spreadsheet would run as a formula is
    quoted with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | decimal.Decimal | int):
        return str(value)
    return neutralise(str(value))


def _json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError(type(value))


def files_build() -> dict[str, tuple[str, bytes]]:
    """Every dataset as ``<slug>.csv``, ``<slug>.json`` (metadata and data) and ``<slug>.metadata.json``:
    {name: (media type, bytes)}. Deterministic: the same data gives the same bytes."""
    files = {}
    with translation.override("id"):
        for dataset in DATASETS:
            rows = dataset.rows()
            metadata = {"nama": dataset.slug, **dataset.metadata(rows)}
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow([v.name for v in dataset.variables])
            for row in rows:
                writer.writerow([cell(row[v.name]) for v in dataset.variables])
            # The byte order mark makes spreadsheets read the file as UTF-8.
            files[f"{dataset.slug}.csv"] = ("text/csv", ("\ufeff" + out.getvalue()).encode("utf-8"))
            document = {"metadata": metadata, "data": rows}
            files[f"{dataset.slug}.json"] = ("application/json", _dumps(document))
            files[f"{dataset.slug}.metadata.json"] = ("application/json", _dumps(metadata))
    return files


def _dumps(document) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1, default=_json_value).encode("utf-8")
