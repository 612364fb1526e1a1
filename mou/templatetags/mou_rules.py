"""The sign-off rules of ``mou.rules`` for templates: ``{% if party|may_sign_off:user %}``."""
from django import template

from mou import rules

register = template.Library()


@register.filter
def may_sign_off(party, user) -> bool:
    return rules.may_sign_off(user=user, party=party)


@register.filter
def may_revoke(party, user) -> bool:
    return rules.may_revoke(user=user, party=party)


@register.filter
def is_own_edit(party, user) -> bool:
    return rules.is_own_edit(user=user, party=party)
