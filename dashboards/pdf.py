"""The national dashboard as a PDF, rendered on the server from the latest snapshot with fpdf2 (pure Python,
no browser): headline figures, the cumulative curve against the target, the stage breakdown and the province
table. Downloadable from the dashboard and attached to the weekly digest. Text is in the active language."""
import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from .selectors import Dashboard

INK, MUTED, BLUE, RED, GREEN, LINE = (31, 41, 55), (95, 107, 122), (11, 83, 148), (180, 35, 24), (30, 123, 69), \
    (221, 227, 234)
# The PDF core fonts cover Latin-1; a few typographic characters are written as their plain equivalents.
PLAIN = str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "...", "·": "-",
                       "≥": ">=", "≤": "<="})


def _text(value) -> str:
    return str(value).translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def _number(value) -> str:
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def _percent(value: float) -> str:
    return formats.number_format(value, decimal_pos=1, use_l10n=True) + "%"


class _Document(FPDF):
    def __init__(self, footer: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer_text = footer
        self.set_auto_page_break(auto=True, margin=16)
        self.set_margins(14, 14, 14)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=7)
        self.set_text_color(*MUTED)
        self.cell(0, 5, _text(f"{self._footer_text} - {self.page_no()}/{{nb}}"), align="C")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(*BLUE)
    pdf.cell(0, 7, _text(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)


def _figures(pdf: FPDF, dashboard: Dashboard) -> None:
    s, t = dashboard.snapshot, dashboard.target
    tiles = [
        (t.get_metric_display(), f"{_number(s.numerator)} / {_number(s.denominator)}", _percent(s.percent)),
        (_("Belum tercapai"), _number(s.remaining), _("unit sasaran")),
        (_("Bulan lewat tenggat"), _number(s.months_past_deadline),
         _("tenggat %(d)s") % {"d": formats.date_format(t.deadline, "j F Y")}),
        (_("Tercapai dalam 12 bulan terakhir"), _number(s.added_last_12_months),
         _("%(p)s unit per bulan") % {"p": formats.number_format(s.pace_per_month, decimal_pos=1, use_l10n=True)}),
    ]
    width = (pdf.w - pdf.l_margin - pdf.r_margin - 9) / 4
    top = pdf.get_y()
    for index, (label, value, sub) in enumerate(tiles):
        x = pdf.l_margin + index * (width + 3)
        pdf.set_draw_color(*LINE)
        pdf.rect(x, top, width, 22)
        pdf.set_xy(x + 2, top + 1.5)
        pdf.set_font("Helvetica", size=7.5)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(width - 4, 3.5, _text(label), new_x="LEFT", new_y="NEXT")
        pdf.set_xy(x + 2, top + 9)
        pdf.set_font("Helvetica", "B", 14)
        pdf.set_text_color(*(RED if index in (1, 2) and value != "0" else BLUE))
        pdf.cell(width - 4, 7, _text(value))
        pdf.set_xy(x + 2, top + 16.5)
        pdf.set_font("Helvetica", size=7.5)
        pdf.set_text_color(*MUTED)
        pdf.cell(width - 4, 4, _text(sub))
    pdf.set_text_color(*INK)
    pdf.set_y(top + 25)
    if s.projected_completion:
        line = _("Dengan laju 12 bulan terakhir, seluruh unit tercapai sekitar %(when)s.") % {
            "when": formats.date_format(s.projected_completion, "F Y")}
    else:
        line = _("Dengan laju 12 bulan terakhir, tanggal selesai tidak dapat diperkirakan.")
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(0, 4.5, _text(line), new_x="LMARGIN", new_y="NEXT")


def _curve(pdf: FPDF, dashboard: Dashboard) -> None:
    series, s = dashboard.snapshot.series, dashboard.snapshot
    _heading(pdf, _("Kumulatif unit tercapai per bulan"))
    if not series:
        pdf.set_font("Helvetica", size=9)
        pdf.cell(0, 6, _text(_("Belum ada unit yang tercapai.")), new_x="LMARGIN", new_y="NEXT")
        return
    left, top = pdf.l_margin + 10, pdf.get_y() + 2
    width, height = pdf.w - pdf.l_margin - pdf.r_margin - 12, 48
    top_value = max(s.denominator, series[-1][1], 1)
    months = len(series)

    def x(i):
        return left + (width * i / max(months - 1, 1))

    def y(v):
        return top + height - height * v / top_value

    pdf.set_draw_color(*LINE)
    pdf.set_font("Helvetica", size=7)
    pdf.set_text_color(*MUTED)
    for fraction in (0, .25, .5, .75, 1):
        value = round(top_value * fraction)
        pdf.line(left, y(value), left + width, y(value))
        pdf.set_xy(left - 11, y(value) - 2)
        pdf.cell(10, 4, _text(_number(value)), align="R")
    step = max(1, months // 8)
    for i in range(0, months, step):
        pdf.set_xy(x(i) - 8, top + height + 1)
        pdf.cell(16, 4, series[i][0], align="C")
    pdf.set_draw_color(*RED)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.line(left, y(s.denominator), left + width, y(s.denominator))
    pdf.set_dash_pattern()
    pdf.set_text_color(*RED)
    pdf.set_xy(left + 1, y(s.denominator) - 4.5)
    pdf.cell(60, 4, _text(_("sasaran: %(n)s unit") % {"n": _number(s.denominator)}))
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(0.6)
    pdf.polyline([(x(i), y(value)) for i, (_month, value) in enumerate(series)])
    pdf.set_line_width(0.2)
    pdf.set_text_color(*INK)
    pdf.set_y(top + height + 7)


def _stages(pdf: FPDF, dashboard: Dashboard) -> None:
    _heading(pdf, _("Tahap unit sasaran"))
    pdf.set_font("Helvetica", size=9)
    # Recorded units; where demo records exist, the units with them beside ("contoh", never inside the count).
    for _stage, label, count, percent, with_demo in dashboard.stages:
        pdf.cell(40, 5, _text(label))
        pdf.cell(20, 5, _number(count), align="R")
        pdf.cell(20, 5, _text(_percent(percent)), align="R")
        demo = "" if with_demo is None else _("%(n)s dengan contoh") % {"n": _number(with_demo)}
        pdf.cell(40, 5, _text(demo), align="R", new_x="LMARGIN", new_y="NEXT")


def _provinces(pdf: FPDF, dashboard: Dashboard) -> None:
    _heading(pdf, _("Provinsi, menurut cakupan"))
    columns = [(_("Provinsi"), 70, "L"), (_("Tercapai"), 22, "R"), (_("Unit"), 18, "R"), (_("Cakupan"), 22, "R")]
    bar_width = pdf.w - pdf.l_margin - pdf.r_margin - sum(width for _label, width, _a in columns) - 4

    def header():
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.set_fill_color(240, 243, 247)
        for label, width, align in columns:
            pdf.cell(width, 5.5, _text(label), align=align, fill=True)
        pdf.cell(0, 5.5, "", fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=8.5)

    header()
    for p in dashboard.provinces:
        if pdf.will_page_break(5):
            pdf.add_page()
            header()
        values = [p.province.name, _number(p.numerator), _number(p.denominator), _percent(p.percent)]
        for (_label, width, align), value in zip(columns, values):
            pdf.cell(width, 5, _text(value), align=align)
        bar_x, bar_y = pdf.get_x() + 4, pdf.get_y() + 1.2
        pdf.set_fill_color(237, 241, 245)
        pdf.rect(bar_x, bar_y, bar_width, 2.6, style="F")
        if p.percent:
            pdf.set_fill_color(*GREEN)
            pdf.rect(bar_x, bar_y, bar_width * min(p.percent, 100) / 100, 2.6, style="F")
        pdf.ln(5)


def dashboard_pdf(dashboard: Dashboard, *, generated_at: datetime.datetime | None = None) -> bytes:
    s, t = dashboard.snapshot, dashboard.target
    generated_at = timezone.localtime(generated_at or timezone.now())
    footer = _("Portal Pemantauan MPP - Kementerian PANRB - dibuat %(when)s WIB") % {
        "when": formats.date_format(generated_at, "j F Y H:i")}
    pdf = _Document(footer)
    title = _("Dasbor nasional: %(name)s") % {"name": t.display_name}
    pdf.set_title(_text(title))
    pdf.set_author("Kementerian PANRB")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(0, 8, _text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8.5)
    pdf.set_text_color(*MUTED)
    computed = formats.date_format(timezone.localtime(s.computed_at), "j F Y H:i")
    lines = [
        _("Data per %(when)s WIB (snapshot kemajuan terakhir).") % {"when": computed},
        f"{t.get_basis_display()}: {t.basis_note}",
    ]
    if getattr(s, "stale", False):
        lines.append(_("Ada perubahan setelah snapshot ini; angka akan diperbarui pada penghitungan berikutnya."))
    for line in lines:
        pdf.multi_cell(0, 4.2, _text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(2)
    _figures(pdf, dashboard)
    _curve(pdf, dashboard)
    _stages(pdf, dashboard)
    _provinces(pdf, dashboard)
    return bytes(pdf.output())
