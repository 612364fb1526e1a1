"""What each downloadable list contains: its columns and rows, as ``dashboards.exports.Export``.

The rows come from the same selectors and filters as the page they are downloaded from."""
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regions import stages
from regions.models import Mpp

from .exports import Column, Export, yes_no
from .models import BASIS_NOTES, ProgressSnapshot, Target

PERCENT = "0.0"
SOURCE = gettext_lazy("Portal Pemantauan MPP Kementerian PANRB: daftar wilayah Kemendagri, MPP dan riwayat "
                      "statusnya, komitmen kepala daerah, kapasitas fiskal (PMK).")
REGISTRY_BASIS = gettext_lazy("daftar Kemendagri: 514 kabupaten/kota, masing-masing satu baris; tahap dihitung dari "
                              "data saat diunduh.")


def basis_text(basis: str) -> str:
    return f"{Target.Basis(basis).label}: {BASIS_NOTES[basis]}"


def with_demo_mpp_count(queryset: QuerySet) -> QuerySet:
    demo = Subquery(Mpp.objects.filter(region=OuterRef("pk"), is_demo=True).order_by().values("region")
                    .annotate(n=Count("pk")).values("n"))
    return queryset.annotate(demo_mpp_count=Coalesce(demo, 0))


def region_export(regions: QuerySet, *, filters: str) -> Export:
    return Export(
        slug="kabupaten-kota", title=_("Kabupaten-kota"), as_of=timezone.now(), basis=REGISTRY_BASIS, source=SOURCE,
        filters=filters, rows=with_demo_mpp_count(regions).iterator(chunk_size=500),
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


def demo_mpps_by_province(metric: str) -> dict[int, int]:
    condition = Q(status=Mpp.Status.OPERATING) if metric == Target.Metric.OPERATING \
        else Q(digital_status=Mpp.DigitalStatus.LIVE)
    rows = (Mpp.objects.filter(condition, is_demo=True).values("region__province_id").annotate(n=Count("pk"))
            .order_by())
    return {row["region__province_id"]: row["n"] for row in rows}


def province_export(snapshot: ProgressSnapshot, provinces: list[ProgressSnapshot]) -> Export:
    target = snapshot.target
    demo = demo_mpps_by_province(target.metric)
    metric = target.get_metric_display()
    return Export(
        slug="provinsi", title=_("Provinsi"), as_of=snapshot.computed_at, basis=basis_text(target.basis),
        source=SOURCE, filters=f"{_('Sasaran')}: {target.name}", rows=provinces,
        notes=[_("Angka dari snapshot kemajuan terakhir; kolom \"%(m)s contoh\" menghitung MPP contoh yang "
                 "saat ini ikut dalam angka itu.") % {"m": metric}],
        columns=[
            Column(_("Kode"), lambda p: p.province.code, 7),
            Column(_("Provinsi"), lambda p: p.province.name, 30),
            Column(_("Tercapai"), lambda p: p.numerator, 10),
            Column(_("Unit sasaran"), lambda p: p.denominator, 10),
            Column(_("Cakupan (%)"), lambda p: p.percent, 10, PERCENT),
            Column(_("Belum ada"), lambda p: p.stage_none, 10),
            Column(_("Komitmen"), lambda p: p.stage_committed, 10),
            Column(_("Persiapan"), lambda p: p.stage_preparing, 10),
            Column(_("Beroperasi"), lambda p: p.stage_operating, 10),
            Column(metric, lambda p: p.mpp_count, 12),
            Column(f"{metric} {_('contoh')}", lambda p: demo.get(p.province_id, 0), 12),
            Column(_("Contoh"), lambda p: yes_no(demo.get(p.province_id, 0) > 0), 8),
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
