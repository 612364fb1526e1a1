"""``regions.stages`` for templates: ``{{ stage|stage_label }}``, ``{{ stage|stage_rank }}``."""
from django import template

from regions import stages

register = template.Library()


@register.filter
def stage_label(stage) -> str:
    return stages.label(stage or stages.Stage.NONE)


@register.filter
def stage_rank(stage) -> int:
    return stages.rank(stage or stages.Stage.NONE)
