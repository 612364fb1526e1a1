"""Reads for the open data: the rows of each dataset, recorded and verified only, and the releases.

Demo records (``is_demo``) are left out everywhere. Officers' changes reach the MPP rows only once verified,
so the rows hold verified values. No personal data: no officer or user names, no signatory names, no
evidence or documents.
"""
import datetime

from django.db.models import Count, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from commitments.models import Commitment
from dashboards.models import Target
from dashboards.services import Figures, monthly_series, progress_figures
from mou.models import Agreement, AgreementParty
from regions.models import Inauguration, Mpp, Province, Region
from regions.selectors import with_stage

from .models import Release, ReleaseFile


def _recorded_mpps() -> QuerySet:
    return Mpp.objects.filter(is_demo=False)


def target_unit_rows() -> list[dict]:
    """Every kab/kota of the Kemendagri registry with its stage from recorded MPPs and commitments."""
    operating = _recorded_mpps().filter(region=OuterRef("pk"), status=Mpp.Status.OPERATING).order_by().values("region")
    regions = (
        with_stage(Region.objects.order_by("code"), include_demo=False)
        .annotate(operating_count=Coalesce(Subquery(operating.annotate(n=Count("pk")).values("n")), 0),
                  first_operating=Subquery(operating.annotate(first=Min("inaugurated_on")).values("first")))
        .values_list("code", "name", "kind", "province__code", "province__name", "is_dki_administrative", "stage",
                     "operating_count", "first_operating")
    )
    keys = ("kode_wilayah", "nama_wilayah", "jenis", "kode_provinsi", "nama_provinsi", "wilayah_administrasi_dki",
            "tahap", "jumlah_mpp_beroperasi", "tanggal_mpp_pertama_beroperasi")
    return [dict(zip(keys, row)) for row in regions]


def mpp_rows() -> list[dict]:
    mpps = (
        _recorded_mpps().select_related("region__province", "inauguration").order_by("pk")
    )
    return [
        {
            "id_mpp": mpp.pk,
            "nama_mpp": mpp.name,
            "alamat": mpp.address,
            "kode_wilayah": mpp.region.code,
            "nama_wilayah": mpp.region.name,
            "kode_provinsi": mpp.region.province.code,
            "status": mpp.status,
            "tanggal_peresmian": mpp.inaugurated_on,
            "id_peresmian": mpp.inauguration_id if mpp.inauguration and not mpp.inauguration.is_demo else None,
            "jumlah_instansi": None if mpp.counts_unknown else mpp.tenant_count,
            "jumlah_layanan": None if mpp.counts_unknown else mpp.service_count,
            "terintegrasi_oss": mpp.oss_integrated,
            "tanggal_integrasi_oss": mpp.oss_integrated_on,
            "status_mpp_digital": mpp.digital_status,
            "mpp_digital_sejak": mpp.digital_since,
            "lintang": mpp.latitude,
            "bujur": mpp.longitude,
        }
        for mpp in mpps
    ]


def inauguration_rows() -> list[dict]:
    events = (
        Inauguration.objects.filter(is_demo=False)
        .annotate(recorded=Count("mpps", filter=Q(mpps__is_demo=False)))
        .order_by("date", "pk")
    )
    return [
        {
            "id_peresmian": event.pk,
            "tanggal": event.date,
            "keterangan_tanggal": event.date_note,
            "tempat": event.place,
            "diresmikan_oleh": event.officiated_by,
            "cara": event.mode,
            "jumlah_mpp_menurut_sumber": event.reported_count,
            "jumlah_mpp_tercatat": event.recorded,
            "sumber": event.source,
            "catatan": event.note,
        }
        for event in events
    ]


def commitment_rows() -> list[dict]:
    commitments = (
        Commitment.objects.filter(is_demo=False, event__is_demo=False)
        .select_related("event", "region__province")
        .order_by("event__date", "event_id", "region__code")
    )
    return [
        {
            "id_acara": c.event_id,
            "tanggal_acara": c.event.date,
            "tahun_acara": c.event.year or (c.event.date.year if c.event.date else None),
            "tempat": c.event.place,
            "disaksikan_oleh": c.event.counterpart,
            "kode_wilayah": c.region.code,
            "nama_wilayah": c.region.name,
            "kode_provinsi": c.region.province.code,
            "jabatan_penanda_tangan": c.signatory_title,
            "hasil": c.outcome,
            "alasan_tidak_hadir": c.absence_reason,
            "target_tahun_beroperasi": c.target_year,
            "sumber": c.source or c.event.source,
        }
        for c in commitments
    ]


def mou_party_rows() -> list[dict]:
    parties = (
        AgreementParty.objects.filter(agreement__kind=Agreement.Kind.NATIONAL, agreement__is_demo=False)
        .select_related("agreement", "institution")
        .order_by("agreement__signed_on", "agreement_id", "position", "pk")
    )
    return [
        {
            "id_nota_kesepahaman": p.agreement_id,
            "nomor": p.agreement.number,
            "judul": p.agreement.title,
            "tanggal_penandatanganan": p.agreement.signed_on,
            "tempat": p.agreement.place,
            "status": p.agreement.status,
            "urutan_pihak": p.position,
            "nama_pihak": p.institution.name if p.institution_id else p.label,
            "nama_singkat": p.institution.short_name if p.institution_id else "",
            "jenis_pihak": p.institution.kind if p.institution_id else "",
            "jabatan_penanda_tangan": p.signatory_title,
            "disahkan": p.signed_off_at is not None,
        }
        for p in parties
    ]


def series_rows(*, as_of: datetime.date | None = None) -> list[dict]:
    """The monthly cumulative series of every active target, national and per province, recorded data only."""
    as_of = as_of or timezone.localdate()
    provinces = {p.pk: p for p in Province.objects.all()}
    rows = []
    for target in Target.objects.filter(is_active=True).order_by("position", "pk"):
        figures = progress_figures(target=target, include_demo=False)
        national = Figures()
        areas = []
        for province_id, area in sorted(figures.items(), key=lambda item: provinces[item[0]].code):
            national.merge(area)
            areas.append((provinces[province_id], area))
        for province, area in [(None, national), *areas]:
            for month, reached in monthly_series(area, as_of=as_of):
                rows.append({
                    "id_sasaran": target.pk,
                    "ukuran": target.metric,
                    "basis": target.basis,
                    "lingkup": "provinsi" if province else "nasional",
                    "kode_provinsi": province.code if province else "",
                    "nama_provinsi": province.name if province else "",
                    "bulan": month,
                    "unit_tercapai": reached,
                    "unit_sasaran": area.denominator,
                })
    return rows


def release_latest() -> Release | None:
    return Release.objects.order_by("-published_at", "-pk").first()


def release_latest_tag() -> str | None:
    return Release.objects.order_by("-published_at", "-pk").values_list("tag", flat=True).first()


def release_list() -> QuerySet:
    return Release.objects.order_by("-published_at", "-pk")


def release_file(*, release: Release, name: str) -> ReleaseFile | None:
    return ReleaseFile.objects.filter(release=release, name=name).first()


def release_files(*, release: Release) -> QuerySet:
    """A release's files without their content (for listings)."""
    return ReleaseFile.objects.filter(release=release).defer("content").order_by("name")
