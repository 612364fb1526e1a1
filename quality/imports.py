"""Reading import files: CSV rows with their line numbers, and region names resolved to registry regions.

Names go through ``regions.names.RegionNameResolver`` so an ambiguous name ("Kediri") is reported with
every candidate and never guessed. Services decide what to do with the rows (all-or-nothing).
"""
import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from regions.models import Region
from regions.names import RegionCandidate, RegionNameResolver


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self):
        return _("Baris %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportReport:
    """What an import did (or, on a dry run or with errors, would have done: then nothing is saved)."""

    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return _("%(n)s kesalahan; tidak ada yang disimpan.") % {"n": len(self.errors)}
        text = _("%(created)s baru, %(updated)s diubah, %(unchanged)s tetap.") % {
            "created": self.created, "updated": self.updated, "unchanged": self.unchanged,
        }
        return (_("Uji coba (tidak disimpan): ") + text) if self.dry_run else text


def csv_rows(text: str, *, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> tuple[list, list]:
    """``([(line, {column: value})], [LineError])``. Header names are case-insensitive; ``;`` works as
    a delimiter too, because spreadsheets set to Indonesian export with it."""
    text = text.lstrip("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    missing = [name for name in required if name not in header]
    if missing:
        return [], [LineError(1, _("Kolom wajib tidak ada: %(columns)s.") % {"columns": ", ".join(missing)})]
    known = set(required) | set(optional)
    unknown = [name for name in header if name and name not in known]
    if unknown:
        return [], [LineError(1, _("Kolom tidak dikenal: %(columns)s.") % {"columns": ", ".join(unknown)})]
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue
        rows.append((line, {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}))
    if not rows:
        return [], [LineError(1, _("Berkas tidak berisi baris data."))]
    return rows, []


class RegionLookup:
    """The registry's kab/kota, resolved from names as people write them (one query to build)."""

    def __init__(self):
        regions = list(Region.objects.select_related("province"))
        self._by_code = {region.code: region for region in regions}
        self._resolver = RegionNameResolver(
            RegionCandidate(code=region.code, name=region.name, kind=region.kind) for region in regions
        )

    def resolve(self, text: str) -> tuple[Region | None, str]:
        """The region, or None and the resolver's message (which names every candidate when ambiguous)."""
        resolution = self._resolver.resolve(text)
        if not resolution.ok:
            return None, resolution.message
        return self._by_code[resolution.region.code], ""


def decimal_or_none(text: str) -> Decimal | None:
    """A decimal written with a point or an Indonesian decimal comma ("87,5"); None when empty."""
    if not text:
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise ValueError(text) from None
