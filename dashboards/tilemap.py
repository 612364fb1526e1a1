"""The tile map: each province one equal tile, placed as ``data/province_tiles.json`` says (west to east),
coloured by coverage class; and a province's kab/kota as tiles coloured by stage."""
import json
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from regions.names import RegionCandidate

TILES_FILE = Path(__file__).resolve().parent / "data" / "province_tiles.json"

# Coverage classes, lowest first: (class number, label). Class 0 is "none yet", class 5 "complete".
COVERAGE_CLASSES = [
    (0, _("0% (belum ada)")),
    (1, _("di bawah 25%")),
    (2, _("25% – di bawah 50%")),
    (3, _("50% – di bawah 75%")),
    (4, _("75% – di bawah 100%")),
    (5, _("100% (lengkap)")),
]


@cache
def tile_layout() -> dict[str, tuple[int, int, str]]:
    """Province code -> (column, row, short name)."""
    data = json.loads(TILES_FILE.read_text(encoding="utf-8"))
    return {code: (col, row, short) for code, (col, row, short) in data["tiles"].items()}


def grid_size() -> tuple[int, int]:
    layout = tile_layout().values()
    return max(col for col, _row, _s in layout) + 1, max(row for _c, row, _s in layout) + 1


def coverage_class(numerator: int, denominator: int) -> int:
    if numerator <= 0 or denominator <= 0:
        return 0
    if numerator >= denominator:
        return 5
    return 1 + min(3, int(4 * numerator / denominator))


def province_tiles(provinces) -> list[dict]:
    """One tile per province snapshot, west to east (column, then row north to south): the order keyboard
    focus follows, and the order the tiles wrap in on a phone. A province the layout does not know yet (a new
    one in the registry) gets a tile in a row below the map rather than none."""
    layout = tile_layout()
    cols, rows = grid_size()
    unplaced = 0
    tiles = []
    for snapshot in provinces:
        if snapshot.province.code in layout:
            col, row, short = layout[snapshot.province.code]
        else:
            col, row, short = unplaced % cols, rows + unplaced // cols, snapshot.province.name
            unplaced += 1
        tiles.append({
            "code": snapshot.province.code, "name": snapshot.province.name, "short": short,
            "col": col + 1, "row": row + 1, "percent": snapshot.percent,
            "numerator": snapshot.numerator, "denominator": snapshot.denominator,
            "cls": coverage_class(snapshot.numerator, snapshot.denominator),
        })
    return sorted(tiles, key=lambda t: (t["row"] > rows, t["col"], t["row"]))


def short_region_name(name: str, kind: str) -> str:
    """ "Kab. Malang" / "Kota Malang": a tile has room for little more."""
    base = RegionCandidate(code="0.0", name=name, kind=kind).base_name
    return f"{_('Kota') if kind == 'kota' else _('Kab.')} {base}"
