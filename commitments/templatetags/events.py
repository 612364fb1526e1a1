"""``{% region_events region %}``: a region's commitments and inaugurations, for the region page."""
from django import template

from commitments import selectors

register = template.Library()


@register.inclusion_tag("commitments/partials/region_events.html", takes_context=True)
def region_events(context, region):
    user = context["request"].user
    return {
        "region": region,
        "commitments": selectors.region_commitments(user=user, region=region),
        "inaugurations": selectors.region_inaugurations(user=user, region=region),
    }
