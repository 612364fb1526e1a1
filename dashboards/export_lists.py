"""What each downloadable list contains: its columns and rows, as ``dashboards.exports.Export``.

The rows come from the same selectors and filters as the page they are downloaded from."""
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regions import stages

from .exports import Column, Export, yes_no
from .models import BASIS_NOTES, ProgressSnapshot, Target

PERCENT = "0.0"
SOURCE = gettext_lazy("Portal Pemantauan MPP Kementerian PANRB: daftar wilayah Kemendagri, MPP dan riwayat "
                      "statusnya, komitmen kepala daerah, kapasitas fiskal (PMK).")
REGISTRY_BASIS = gettext_lazy("daftar Kemendagri: 514 kabupaten/kota, masing-masing satu baris; tahap dihitung dari "
                              "data saat diunduh.")


def basis_text(basis: str) -> str:
    return f"{Target.Basis(basis).label}: {BASIS_NOTES[basis]}"


def region_export(regions: QuerySet, *, filters: str) -> Export:
    """``regions`` from ``regions.selectors.region_list``: the recorded stage and MPP count, demo MPPs apart."""
    return Export(
        slug="kabupaten-kota", title=_("Kabupaten-kota"), as_of=timezone.now(), basis=REGISTRY_BASIS, source=SOURCE,
        filters=filters, rows=regions.iterator(chunk_size=500),
        columns=[
            Column(_("Kode"), lambda r: r.code, 9),
            Column(_("Nama"), lambda r: r.name, 32),
            Column(_("Jenis"), lambda r: r.get_kind_display(), 11),
            Column(_("Kode provinsi"), lambda r: r.province.code, 8),
            Column(_("Provinsi"), lambda r: r.province.name, 26),
            Column(_("Unit administratif DKI"), lambda r: yes_no(r.is_dki_administrative), 10),
            Column(_("Tahap MPP"), lambda r: stages.label(r.stage), 12),
            Column(_("Jumlah MPP"), lambda r: r.mpp_count, 8),
            Column(_("MPP contoh"), lambda r: r.demo_mpp_count, 8),
            Column(_("Contoh"), lambda r: yes_no(r.demo_mpp_count > 0), 8),
        ],
    )


def mpp_export(mpps: QuerySet, *, filters: str) -> Export:
    def count(field):
        return lambda m: None if m.counts_unknown else getattr(m, field)

    return Export(
        slug="mpp", title=_("MPP"), as_of=timezone.now(), basis=REGISTRY_BASIS, source=SOURCE, filters=filters,
        rows=mpps.iterator(chunk_size=500),
        notes=[_("Jumlah instansi/UPP dan layanan kosong bila sumber tidak menyebutkannya (tidak diketahui).")],
        columns=[
            Column(_("ID"), lambda m: m.pk, 7),
            Column(_("Nama"), lambda m: m.name, 32),
            Column(_("Kode wilayah"), lambda m: m.region.code, 9),
            Column(_("Wilayah"), lambda m: m.region.name, 28),
            Column(_("Provinsi"), lambda m: m.region.province.name, 24),
            Column(_("Status"), lambda m: m.get_status_display(), 14),
            Column(_("Tanggal peresmian"), lambda m: m.inaugurated_on, 12),
            Column(_("Instansi/UPP"), count("tenant_count"), 9),
            Column(_("Layanan"), count("service_count"), 9),
            Column(_("Terintegrasi OSS"), lambda m: yes_no(m.oss_integrated), 9),
            Column(_("MPP Digital"), lambda m: m.get_digital_status_display(), 12),
            Column(_("Diperbarui"), lambda m: timezone.localtime(m.updated_at).replace(tzinfo=None, microsecond=0),
                   17),
            Column(_("Contoh"), lambda m: yes_no(m.is_demo), 8),
        ],
    )


def province_export(snapshot: ProgressSnapshot, provinces: list[ProgressSnapshot]) -> Export:
    target = snapshot.target
    metric = target.get_metric_display()
    return Export(
        slug="provinsi", title=_("Provinsi"), as_of=snapshot.computed_at, basis=basis_text(target.basis),
        source=SOURCE, filters=f"{_('Sasaran')}: {target.display_name}", rows=provinces,
        notes=[_("Angka dari snapshot kemajuan terakhir, dari data tercatat saja; kolom \"Tercapai contoh\" dan "
                 "\"%(m)s contoh\" menghitung data contoh di luar angka itu.") % {"m": metric}],
        columns=[
            Column(_("Kode"), lambda p: p.province.code, 7),
            Column(_("Provinsi"), lambda p: p.province.name, 30),
            Column(_("Tercapai"), lambda p: p.numerator, 10),
            Column(_("Tercapai contoh"), lambda p: p.demo_numerator, 10),
            Column(_("Unit sasaran"), lambda p: p.denominator, 10),
            Column(_("Cakupan (%)"), lambda p: p.percent, 10, PERCENT),
            Column(_("Belum ada"), lambda p: p.stage_none, 10),
            Column(_("Komitmen"), lambda p: p.stage_committed, 10),
            Column(_("Persiapan"), lambda p: p.stage_preparing, 10),
            Column(_("Beroperasi"), lambda p: p.stage_operating, 10),
            Column(metric, lambda p: p.mpp_count, 12),
            Column(f"{metric} {_('contoh')}", lambda p: p.demo_mpp_count, 12),
            Column(_("Contoh"), lambda p: yes_no(p.demo_numerator > 0 or p.demo_mpp_count > 0), 8),
        ],
    )


def lagging_export(rows: list, *, basis: str, filters: str) -> Export:
    return Export(
        slug="tertinggal", title=_("Tertinggal"), as_of=timezone.now(), basis=basis_text(basis), source=SOURCE,
        filters=filters, rows=rows,
        notes=[_("Lama di tahap dihitung dari riwayat status MPP (perpindahan terakhir ke status sekarang) atau "
                 "tanggal penandatanganan komitmen; kosong bila belum pernah mulai atau tidak tercatat.")],
        columns=[
            Column(_("Kode"), lambda r: r.region.code, 9),
            Column(_("Nama"), lambda r: r.region.name, 32),
            Column(_("Provinsi"), lambda r: r.region.province.name, 26),
            Column(_("Tahap MPP"), lambda r: r.stage_label, 12),
            Column(_("Di tahap ini sejak"), lambda r: timezone.localdate(r.since) if r.since else None, 12),
            Column(_("Lama di tahap (hari)"), lambda r: r.days_in_stage, 10),
            Column(_("Pembaruan terakhir"), lambda r: timezone.localdate(r.last_update) if r.last_update else None,
                   12),
            Column(_("Komitmen ditandatangani"), lambda r: r.signed_on, 12),
            Column(_("Target tahun"), lambda r: r.target_year, 9),
            Column(_("Kapasitas fiskal"), lambda r: r.fiscal_label, 14),
            Column(_("Tahun kapasitas fiskal"), lambda r: r.fiscal_year, 9),
            Column(_("Jumlah MPP"), lambda r: r.mpp_count, 8),
            Column(_("Contoh"), lambda r: yes_no(r.has_demo), 8),
        ],
    )


# --- Monthly operations (the operations app's snapshot and reports) ----------------------------------------

OPERATIONS_SOURCE = gettext_lazy("Portal Pemantauan MPP Kementerian PANRB: laporan operasional bulanan MPP yang "
                                 "diisi petugas daerah dan diverifikasi kementerian.")
OPERATIONS_FIGURE_BASIS = gettext_lazy("MPP tercatat yang beroperasi pada bulan itu; kelengkapan dan ketepatan waktu "
                                       "dari laporan yang masuk, angka kunjungan, layanan, pengaduan dan IKM dari "
                                       "laporan terverifikasi; data contoh tidak ikut.")
OPERATIONS_REPORT_BASIS = gettext_lazy("laporan operasional bulanan sebagaimana dicatat, satu baris per MPP per bulan.")


def operations_figure_export(figures: QuerySet) -> Export:
    latest = max((f.computed_at for f in figures), default=None)
    return Export(
        slug="operasional-angka", title=_("Operasional per bulan"), as_of=latest or timezone.now(),
        basis=OPERATIONS_FIGURE_BASIS, source=OPERATIONS_SOURCE, rows=figures,
        notes=[_("Angka dari snapshot operasional terakhir; baris tanpa provinsi adalah angka nasional.")],
        columns=[
            Column(_("Bulan"), lambda f: f.month, 10, "MM/YYYY"),
            Column(_("Kode provinsi"), lambda f: f.province.code if f.province else "", 8),
            Column(_("Provinsi"), lambda f: f.province.name if f.province else _("Nasional"), 26),
            Column(_("MPP beroperasi"), lambda f: f.operating, 10),
            Column(_("Melapor"), lambda f: f.reported, 10),
            Column(_("Tepat waktu"), lambda f: f.on_time, 10),
            Column(_("Kelengkapan (%)"), lambda f: _percent(f.completeness), 10, PERCENT),
            Column(_("Ketepatan waktu (%)"), lambda f: _percent(f.timeliness), 10, PERCENT),
            Column(_("Kunjungan"), lambda f: f.visitors, 12),
            Column(_("Transaksi layanan"), lambda f: f.transactions, 12),
            Column(_("Pengaduan masuk"), lambda f: f.complaints_received, 10),
            Column(_("Pengaduan selesai"), lambda f: f.complaints_resolved, 10),
            Column(_("Rata-rata IKM"), lambda f: None if f.ikm_average is None else float(f.ikm_average), 10,
                   "0.00"),
            Column(_("Contoh"), lambda f: yes_no(False), 8),
        ],
    )


def operations_report_export(reports: QuerySet, *, filters: str) -> Export:
    return Export(
        slug="operasional-laporan", title=_("Laporan operasional"), as_of=timezone.now(),
        basis=OPERATIONS_REPORT_BASIS, source=OPERATIONS_SOURCE, filters=filters,
        rows=reports.iterator(chunk_size=2000),
        columns=[
            Column(_("Bulan"), lambda r: r.month, 10, "MM/YYYY"),
            Column(_("Kode wilayah"), lambda r: r.mpp.region.code, 9),
            Column(_("Wilayah"), lambda r: r.mpp.region.name, 28),
            Column(_("MPP"), lambda r: r.mpp.name, 32),
            Column(_("Keadaan"), lambda r: r.get_state_display(), 14),
            Column(_("Kunjungan"), lambda r: r.visitors, 10),
            Column(_("Transaksi layanan"), lambda r: r.transactions, 10),
            Column(_("Layanan aktif"), lambda r: r.active_services, 9),
            Column(_("Instansi hadir"), lambda r: r.tenants_present, 9),
            Column(_("Pengaduan masuk"), lambda r: r.complaints_received, 9),
            Column(_("Pengaduan selesai"), lambda r: r.complaints_resolved, 9),
            Column(_("IKM"), lambda r: None if r.ikm is None else float(r.ikm), 8, "0.00"),
            Column(_("Hari buka"), lambda r: r.opening_days, 8),
            Column(_("Tepat waktu"), lambda r: yes_no(r.on_time), 8),
            Column(_("Contoh"), lambda r: yes_no(r.is_demo), 8),
        ],
    )


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


# --- The task force's assistance (the taskforce app's lists) ------------------------------------------------

TASKFORCE_SOURCE = gettext_lazy("Portal Pemantauan MPP Kementerian PANRB: pendampingan Tim Kerja Percepatan "
                                "Penyelenggaraan MPP kepada kabupaten/kota, sebagaimana dicatat.")
ASSISTANCE_BASIS = gettext_lazy("pendampingan sebagaimana dicatat, satu baris per pendampingan.")
FOLLOW_UP_BASIS = gettext_lazy("tindak lanjut pendampingan, satu baris per tindak lanjut; lewat tenggat: masih "
                               "terbuka dan tenggatnya sudah lewat.")


def assistance_export(assistances: QuerySet, *, filters: str) -> Export:
    return Export(
        slug="pendampingan", title=_("Pendampingan"), as_of=timezone.now(), basis=ASSISTANCE_BASIS,
        source=TASKFORCE_SOURCE, filters=filters, rows=assistances.iterator(chunk_size=2000),
        columns=[
            Column(_("ID"), lambda a: a.pk, 7),
            Column(_("Tanggal"), lambda a: a.date, 11),
            Column(_("Kode wilayah"), lambda a: a.region.code, 9),
            Column(_("Wilayah"), lambda a: a.region.name, 28),
            Column(_("Provinsi"), lambda a: a.region.province.name, 24),
            Column(_("Bentuk"), lambda a: a.get_form_display(), 16),
            Column(_("Bidang"), lambda a: ", ".join(a.area_labels), 30),
            Column(_("Tahap saat pendampingan"), lambda a: stages.label(a.stage_at_visit), 12),
            Column(_("Temuan"), lambda a: a.findings, 50),
            Column(_("Tindak lanjut terbuka"), lambda a: a.open_follow_ups, 9),
            Column(_("Lewat tenggat"), lambda a: a.overdue_follow_ups, 9),
            Column(_("Contoh"), lambda a: yes_no(a.is_demo), 8),
        ],
    )


def follow_up_export(follow_ups: QuerySet, *, filters: str) -> Export:
    return Export(
        slug="tindak-lanjut", title=_("Tindak lanjut"), as_of=timezone.now(), basis=FOLLOW_UP_BASIS,
        source=TASKFORCE_SOURCE, filters=filters, rows=follow_ups.iterator(chunk_size=2000),
        columns=[
            Column(_("ID"), lambda f: f.pk, 7),
            Column(_("Pendampingan"), lambda f: f.assistance_id, 8),
            Column(_("Tanggal pendampingan"), lambda f: f.assistance.date, 11),
            Column(_("Kode wilayah"), lambda f: f.assistance.region.code, 9),
            Column(_("Wilayah"), lambda f: f.assistance.region.name, 28),
            Column(_("Uraian"), lambda f: f.description, 50),
            Column(_("Penanggung jawab"), lambda f: f.owner_label, 24),
            Column(_("Tenggat"), lambda f: f.due_on, 11),
            Column(_("Keadaan"), lambda f: f.get_state_display(), 11),
            Column(_("Lewat tenggat"), lambda f: yes_no(f.is_overdue), 8),
            Column(_("Contoh"), lambda f: yes_no(f.assistance.is_demo), 8),
        ],
    )
