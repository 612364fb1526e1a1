"""``load_history`` and ``load_demo`` gather each app's own loader: a ``history`` or ``demo`` module with
``load(*, stdout)`` (and, for demo data, ``clear(*, stdout)``), called in INSTALLED_APPS order."""
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def app_modules(name: str) -> list:
    modules = []
    for config in apps.get_app_configs():
        dotted = f"{config.name}.{name}"
        if find_spec(config.name) is not None and find_spec(dotted) is not None:
            modules.append(import_module(dotted))
    return modules


def recorded_fact_regions() -> set[str]:
    """Codes of the kab/kota where any app holds a recorded (non-demo) fact: each app's ``facts`` module says
    which (``recorded_regions()``), so the demo fill keeps away without importing the apps above it."""
    codes: set[str] = set()
    for module in app_modules("facts"):
        codes |= module.recorded_regions()
    return codes
