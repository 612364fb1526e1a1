"""Geometry of the cumulative progress chart, drawn as inline SVG by templates/dashboards/partials/chart.html.

Coordinates are plain numbers for the template to print unlocalised; no JavaScript library is involved.
"""
import datetime
from dataclasses import dataclass, field

WIDTH, HEIGHT = 1160, 240  # low enough that the headline, tiles and curve fit one laptop screen
LEFT, RIGHT, TOP, BOTTOM = 46, 16, 14, 26
# The phone's chart: drawn at about the width a 375 px screen gives it, so that its 14-unit labels show at
# 11 px or more instead of shrinking with a 1160-unit drawing (portal.css shows one or the other).
NARROW_WIDTH, NARROW_HEIGHT = 360, 240
NARROW_LEFT, NARROW_BOTTOM = 40, 30


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    points: str = ""
    area: str = ""
    demo_points: str = ""  # recorded and demo together, drawn apart from the recorded curve
    target_y: float = 0
    deadline_x: float | None = None
    projection: tuple[float, float, float, float] | None = None
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    last: tuple[float, float] = (0, 0)
    left: int = LEFT
    right: int = WIDTH - RIGHT
    bottom: int = HEIGHT - BOTTOM
    x_label_y: int = HEIGHT - BOTTOM + 17
    narrow: bool = False


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _nice_step(maximum: int, ticks: int = 6) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if maximum / step <= ticks:
            return step
    return max(1, maximum // (ticks - 1))


def _month_index(month: str) -> int:
    return _index(int(month[:4]), int(month[5:7]))


def cumulative_chart(*, series: list, denominator: int, deadline: datetime.date, as_of: datetime.date,
                     pace_per_month: float, demo_series: list | None = None, narrow: bool = False) -> Chart | None:
    """The cumulative curve by month, the target level, the deadline and the path at the recent pace; with
    ``demo_series`` (recorded and demo together) a second curve shows the demo share apart. ``narrow``
    draws it for a phone's width."""
    if not series or denominator <= 0:
        return None
    demo_series = demo_series or []
    months = [_month_index(m) for m, _value in series]
    first_month = min([months[0]] + [_month_index(m) for m, _v in demo_series[:1]])
    start = _index(first_month // 12, 1)
    end = max(_index(as_of.year, as_of.month), _index(deadline.year, deadline.month)) + 12
    span = max(1, end - start)
    top_value = max(denominator, series[-1][1], demo_series[-1][1] if demo_series else 0)
    if narrow:
        chart = Chart(width=NARROW_WIDTH, height=NARROW_HEIGHT, left=NARROW_LEFT, right=NARROW_WIDTH - RIGHT,
                      bottom=NARROW_HEIGHT - NARROW_BOTTOM, x_label_y=NARROW_HEIGHT - NARROW_BOTTOM + 20, narrow=True)
    else:
        chart = Chart()
    left, top = chart.left, (24 if narrow else TOP)  # room above the target line for its larger label
    plot_w, plot_h = chart.right - left, chart.bottom - top

    def x(index: float) -> float:
        return round(left + (index - start) / span * plot_w, 1)

    def y(value: float) -> float:
        return round(chart.bottom - value / top_value * plot_h, 1)

    def steps(indices, values) -> list[tuple[float, float, int]]:
        coords = []
        for index, value in zip(indices, values):
            # A step at each month's end: the count reached by then, as the table alternative lists it.
            coords += [(x(index), y(coords[-1][2] if coords else 0), value), (x(index + 1), y(value), value)]
        return coords

    coords = steps(months, [value for _month, value in series])
    chart.points = " ".join(f"{cx},{cy}" for cx, cy, _v in coords)
    if demo_series:
        demo = steps([_month_index(m) for m, _v in demo_series], [value for _m, value in demo_series])
        chart.demo_points = " ".join(f"{cx},{cy}" for cx, cy, _v in demo)
    chart.area = f"{coords[0][0]},{chart.bottom} {chart.points} {coords[-1][0]},{chart.bottom}"
    chart.last = (coords[-1][0], coords[-1][1])
    chart.target_y = y(denominator)
    deadline_index = _index(deadline.year, deadline.month) + 1
    chart.deadline_x = x(deadline_index) if start <= deadline_index <= end else None
    remaining = denominator - series[-1][1]
    if remaining > 0 and pace_per_month > 0:
        months_left = min(end - (months[-1] + 1), remaining / pace_per_month)
        chart.projection = (chart.last[0], chart.last[1], x(months[-1] + 1 + months_left),
                            y(series[-1][1] + pace_per_month * months_left))
    step_years = max(1, round(span / 12 / (3 if narrow else 8)))
    chart.x_ticks = [(x(_index(year, 1)), str(year))
                     for year in range(start // 12, end // 12 + 1, step_years) if _index(year, 1) <= end]
    step = _nice_step(top_value, ticks=4 if narrow else 6)
    chart.y_ticks = [(y(value), value) for value in range(0, top_value + 1, step)]
    return chart
