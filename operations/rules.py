"""The rules of a monthly operations report, in one place for the page, the import and the API:
what is impossible (refused) and what is implausible (accepted, flagged for follow-up), and when a
report is due."""
import calendar
import datetime
import statistics
from decimal import Decimal

from django.utils.translation import gettext as _

COUNT_FIELDS = ("visitors", "transactions", "active_services", "tenants_present", "complaints_received",
                "complaints_resolved", "opening_days")
IKM_MIN, IKM_MAX = Decimal(25), Decimal(100)
DUE_DAY = 10  # reports are due by the 10th of the next month
# A value whose modified z-score on the MPP's past 12 months is above this is flagged (Iglewicz & Hoaglin).
OUTLIER_THRESHOLD = 3.5
OUTLIER_HISTORY_MONTHS = 12
OUTLIER_MIN_HISTORY = 6  # fewer months say too little about what is usual for this MPP
OUTLIER_FIELDS = ("visitors", "transactions")


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_add(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def due_date(month: datetime.date) -> datetime.date:
    """The last day a report of ``month`` is on time."""
    return month_add(month, 1).replace(day=DUE_DAY)


def is_on_time(month: datetime.date, submitted_on: datetime.date) -> bool:
    return submitted_on <= due_date(month)


def value_errors(*, month: datetime.date, values: dict, running: bool, inaugurated_on: datetime.date | None,
                 today: datetime.date) -> dict[str, list[str]]:
    """Every impossible value of a report at once, by field."""
    errors: dict[str, list[str]] = {}

    def add(name, message):
        errors.setdefault(name, []).append(message)

    for name in COUNT_FIELDS:
        value = values.get(name)
        if value is None:
            add(name, _("Wajib diisi."))
        elif value < 0:
            add(name, _("Tidak boleh negatif."))
    received, resolved = values.get("complaints_received"), values.get("complaints_resolved")
    if isinstance(received, int) and isinstance(resolved, int) and resolved > received:
        add("complaints_resolved", _("Pengaduan selesai (%(resolved)s) tidak boleh melebihi pengaduan masuk "
                                     "(%(received)s).") % {"resolved": resolved, "received": received})
    days = values.get("opening_days")
    month_days = calendar.monthrange(month.year, month.month)[1]
    if isinstance(days, int) and days > month_days:
        add("opening_days", _("Hari buka tidak boleh melebihi %(n)s hari dalam bulan ini.") % {"n": month_days})
    ikm = values.get("ikm")
    if ikm is not None and not IKM_MIN <= Decimal(ikm) <= IKM_MAX:
        add("ikm", _("IKM harus antara 25 dan 100 (kosongkan bila tidak diukur)."))
    if month >= month_start(today):
        add("month", _("Bulan %(month)s belum berakhir; laporkan sesudah bulan selesai.") % {
            "month": month.strftime("%m/%Y")})
    if not running:
        add("month", _("MPP ini belum tercatat beroperasi; laporan operasional hanya untuk MPP yang beroperasi."))
    elif inaugurated_on is None:
        add("month", _("Tanggal peresmian MPP ini belum tercatat; laporkan dulu tanggal peresmiannya."))
    elif month < month_start(inaugurated_on):
        add("month", _("Bulan %(month)s sebelum MPP diresmikan (%(opened)s).") % {
            "month": month.strftime("%m/%Y"), "opened": inaugurated_on.strftime("%d/%m/%Y")})
    return errors


def modified_z_score(value: float, history: list[float]) -> float | None:
    """0.6745·(x − median)/MAD on ``history``; None when the history is too short or has no spread."""
    if len(history) < OUTLIER_MIN_HISTORY:
        return None
    median = statistics.median(history)
    mad = statistics.median(abs(x - median) for x in history)
    if mad == 0:
        return None
    return 0.6745 * (value - median) / mad


def implausible(*, values: dict, history: dict[str, list[float]]) -> list[dict]:
    """The flags a report earns: each outlier field (with its score and the history's median) and zero
    visitors on reported opening days."""
    flags = []
    for name in OUTLIER_FIELDS:
        score = modified_z_score(values[name], history.get(name, []))
        if score is not None and abs(score) > OUTLIER_THRESHOLD:
            flags.append({"kind": "outlier", "field": name, "value": values[name], "score": round(score, 2),
                          "median": statistics.median(history[name])})
    if values["visitors"] == 0 and values["opening_days"] > 0:
        flags.append({"kind": "zero_visitors", "field": "visitors", "value": 0, "score": None, "median": None})
    return flags
