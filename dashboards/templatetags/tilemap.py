from django import template

from dashboards import tilemap

register = template.Library()


@register.inclusion_tag("dashboards/partials/tile_map.html", takes_context=True)
def province_tile_map(context, provinces, link="dashboard"):
    """``link``: "dashboard" (members: each tile opens the province dashboard) or "table" (the public page:
    each tile jumps to the province's row in the table beside the map)."""
    tiles = tilemap.province_tiles(provinces)
    cols, rows = tilemap.grid_size()
    rows = max([rows, *(tile["row"] for tile in tiles)])
    return {"tiles": tiles, "legend": tilemap.COVERAGE_CLASSES, "cols": cols,
            "rows": rows, "link": link, "request": context.get("request")}


@register.inclusion_tag("dashboards/partials/region_grid.html")
def region_stage_grid(regions):
    tiles = [dict(region, short=tilemap.short_region_name(region["name"], region["kind"])) for region in regions]
    return {"tiles": tiles}
