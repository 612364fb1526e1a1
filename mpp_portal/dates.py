"""The programme's dates: the first MPPs opened in 2017, so no event, inauguration or signing of the
programme is dated before 1 January 2017, and none after today. One rule for every path (page, API, import,
loader): the models' ``clean`` and the MPP gateway call it."""
import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

PROGRAMME_START = datetime.date(2017, 1, 1)


def programme_date_error(value: datetime.date | None) -> str | None:
    """Why ``value`` cannot be a programme date, or None when it can (or is empty)."""
    if value is None:
        return None
    if value < PROGRAMME_START:
        return _("Tanggal paling awal %(start)s: program MPP dimulai tahun 2017.") % {
            "start": date_format(PROGRAMME_START, "j F Y")}
    if value > timezone.localdate():
        return _("Tanggal tidak boleh di masa depan.")
    return None


def programme_year_error(value: int | None) -> str | None:
    if value is None:
        return None
    if not PROGRAMME_START.year <= value <= timezone.localdate().year:
        return _("Tahun harus antara %(start)s dan %(now)s.") % {
            "start": PROGRAMME_START.year, "now": timezone.localdate().year}
    return None
