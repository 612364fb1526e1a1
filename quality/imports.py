"""The evaluation and fiscal capacity importers, on ``mpp_portal.imports`` (CSV or XLSX, line and column
errors, all or nothing). Region names resolve through ``regions.imports.RegionLookup``, so an ambiguous name
("Kediri") is reported with every candidate and never guessed."""
from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.audit import audited_save, diff, snapshot
from mpp_portal.imports import Importer, ImportReport, LineError, ReportItem, parse_decimal, text
from mpp_portal.inputs import parse_int
from mpp_portal.models import ChangeRecord
from regions.imports import RegionLookup
from regions.models import Mpp

from .models import Evaluation, EvaluationCategory, FiscalCapacity

EVALUATION_FIELDS = ["mpp", "category", "score", "decree", "source"]
# "sangat rendah" as the PMK writes it, or the stored value "sangat_rendah"; case is ignored.
FISCAL_CLASSES = {
    **{value: value for value in FiscalCapacity.FiscalClass.values},
    **{value.replace("_", " "): value for value in FiscalCapacity.FiscalClass.values},
}


def _label(region, mpp=None) -> str:
    return f"{region.name} ({region.code})" + (f": {mpp.name}" if mpp else "")


def _category_lookup() -> dict[str, EvaluationCategory]:
    lookup = {}
    for category in EvaluationCategory.objects.all():
        lookup[category.key.lower()] = category
        lookup[category.name.lower()] = category
    return lookup


def _region_mpp(region, mpps: list[Mpp], name: str) -> tuple[Mpp | None, str]:
    if not mpps:
        return None, _("%(region)s belum memiliki MPP tercatat; tambahkan MPP-nya dahulu.") % {"region": region.name}
    if name:
        match = [mpp for mpp in mpps if mpp.name.casefold() == name.casefold()]
        if match:
            return match[0], ""
        return None, _("MPP \"%(name)s\" tidak ada di %(region)s; yang ada: %(names)s.") % {
            "name": name, "region": region.name, "names": ", ".join(m.name for m in mpps)}
    if len(mpps) > 1:
        return None, _("%(region)s memiliki %(n)s MPP (%(names)s); isi kolom mpp.") % {
            "region": region.name, "n": len(mpps), "names": ", ".join(m.name for m in mpps)}
    return mpps[0], ""


class EvaluationImporter(Importer):
    """Yearly evaluation results: region, year, category[, score, decree, source, mpp]. An optional column
    the file leaves out keeps what is recorded; a column present but empty clears it."""

    required = ("region", "year", "category")
    optional = ("score", "decree", "source", "mpp")

    def parse(self, rows, report) -> list[dict]:
        regions, categories = RegionLookup(), _category_lookup()
        category_names = ", ".join(sorted({c.name for c in categories.values()}, key=lambda n: categories[n.lower()].rank))
        resolved = [(line, values, *regions.find(values.get("region"))) for line, values in rows]
        mpps_by_region = defaultdict(list)
        for mpp in Mpp.objects.filter(region__in=[region for _l, _v, region, _m in resolved if region]):
            mpps_by_region[mpp.region_id].append(mpp)
        this_year, seen, valid = timezone.localdate().year, {}, []
        for line, values, region, message in resolved:
            errors = [LineError(line, "region", message)] if region is None else []
            category = categories.get(text(values.get("category")).lower())
            if category is None:
                errors.append(LineError(line, "category", _("Kategori \"%(value)s\" tidak dikenal; pilih: %(choices)s.")
                                        % {"value": text(values.get("category")), "choices": category_names}))
            year_text = text(values.get("year")).removesuffix(".0")
            year = parse_int(year_text)
            if year is None or not 2017 <= year <= this_year:
                errors.append(LineError(line, "year", _("Tahun \"%(value)s\" tidak sah (2017–%(max)s).")
                                        % {"value": year_text, "max": this_year}))
            try:
                score = parse_decimal(values.get("score"))
                if score is not None and not 0 <= score <= 100:
                    raise ValueError
            except ValueError:
                score = None
                errors.append(LineError(line, "score", _("Nilai \"%(value)s\" harus angka 0–100.")
                                        % {"value": values.get("score")}))
            mpp = None
            if region is not None:
                mpp, mpp_error = _region_mpp(region, mpps_by_region[region.pk], text(values.get("mpp")))
                errors += [LineError(line, "mpp", mpp_error)] if mpp_error else []
            if mpp is not None and year is not None:
                first = seen.setdefault((mpp.pk, year), line)
                if first != line:
                    errors.append(LineError(line, "mpp", _("%(mpp)s tahun %(year)s sudah ada di baris %(line)s.")
                                            % {"mpp": mpp.name, "year": year, "line": first}))
            if errors:
                report.errors += errors
                continue
            row = {"region": region, "mpp": mpp, "year": year, "category": category}
            optional = {"score": score, "decree": text(values.get("decree")), "source": text(values.get("source"))}
            valid.append((line, row | {name: value for name, value in optional.items() if name in values}))
        return valid

    def write(self, planned, report) -> None:
        existing = {}
        for evaluation in Evaluation.objects.filter(region__in=[row["region"] for _line, row in planned]):
            # A region-level record (MPP not yet known) is completed by the row naming its MPP.
            existing.setdefault((evaluation.region_id, evaluation.year, evaluation.mpp_id), evaluation)
        for line, row in planned:
            key = (row["region"].pk, row["year"])
            evaluation = existing.get((*key, row["mpp"].pk)) or existing.pop((*key, None), None)
            label = f"{_label(row['region'], row['mpp'])} {row['year']}"
            if evaluation is None:
                record = audited_save(Evaluation(**row), user=self.user, action=ChangeRecord.Action.IMPORT)
                report.created.append(ReportItem(line, label, record.changes))
                continue
            before = snapshot(evaluation, EVALUATION_FIELDS)
            for name, value in row.items():
                setattr(evaluation, name, value)
            changes = diff(before, snapshot(evaluation, EVALUATION_FIELDS))
            if not changes:
                report.unchanged.append(ReportItem(line, label))
                continue
            audited_save(evaluation, user=self.user, action=ChangeRecord.Action.IMPORT)
            report.updated.append(ReportItem(line, label, changes))


class FiscalCapacityImporter(Importer):
    """One year's fiscal capacity classes (region, class) under one regulation (e.g. "PMK 65/2024")."""

    required = ("region", "class")

    def __init__(self, *, user, dry_run=False, year: int, regulation: str):
        super().__init__(user=user, dry_run=dry_run)
        self.year, self.regulation = year, regulation.strip()

    def options_errors(self) -> list[LineError]:
        errors = []
        if not self.regulation:
            errors.append(LineError(0, "regulation", _("Sebutkan peraturannya, mis. \"PMK 65/2024\".")))
        if not 2000 <= self.year <= timezone.localdate().year + 1:
            errors.append(LineError(0, "year", _("Tahun %(year)s tidak sah.") % {"year": self.year}))
        return errors

    def parse(self, rows, report) -> list:
        regions, seen, valid = RegionLookup(), {}, []
        for line, values in rows:
            region, message = regions.find(values.get("region"))
            fiscal_class = FISCAL_CLASSES.get(" ".join(text(values.get("class")).lower().split()))
            errors = [LineError(line, "region", message)] if region is None else []
            if fiscal_class is None:
                errors.append(LineError(line, "class", _("Kelas \"%(value)s\" tidak dikenal; pilih: %(choices)s.") % {
                    "value": text(values.get("class")),
                    "choices": ", ".join(str(label) for label in FiscalCapacity.FiscalClass.labels)}))
            if region is not None:
                first = seen.setdefault(region.pk, line)
                if first != line:
                    errors.append(LineError(line, "region", _("%(region)s sudah ada di baris %(line)s.")
                                            % {"region": region.name, "line": first}))
            report.errors += errors
            if not errors:
                valid.append((line, region, fiscal_class))
        return valid

    def write(self, planned, report) -> None:
        existing = {f.region_id: f for f in FiscalCapacity.objects.filter(year=self.year)}
        for line, region, fiscal_class in planned:
            record = existing.get(region.pk) or FiscalCapacity(region=region, year=self.year)
            created = record.pk is None
            record.fiscal_class, record.regulation = fiscal_class, self.regulation
            change = audited_save(record, user=self.user, action=ChangeRecord.Action.IMPORT)
            if change is None:
                report.unchanged.append(ReportItem(line, _label(region)))
            else:
                (report.created if created else report.updated).append(ReportItem(line, _label(region), change.changes))


def evaluations_import(*, user, content: bytes, filename: str, dry_run: bool = False) -> ImportReport:
    return EvaluationImporter(user=user, dry_run=dry_run).run(content=content, filename=filename)


def fiscal_capacity_import(
    *, user, content: bytes, filename: str, year: int, regulation: str, dry_run: bool = False
) -> ImportReport:
    return FiscalCapacityImporter(user=user, dry_run=dry_run, year=year, regulation=regulation).run(
        content=content, filename=filename)
