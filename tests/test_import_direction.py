"""Apps depend one way (README, "Architecture"): mpp_portal is the base, regions builds on it, commitments, mou,
quality and operations build on regions, dashboards on all of them, and the open data on all of those. News travels
upward as events (``mpp_portal.events``), never as an import. This reads the imports of every .py file of every app package."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Which apps each app may import (besides itself).
MAY_IMPORT = {
    "mpp_portal": set(),
    "regions": {"mpp_portal"},
    "commitments": {"mpp_portal", "regions"},
    "mou": {"mpp_portal", "regions"},
    "quality": {"mpp_portal", "regions"},
    "operations": {"mpp_portal", "regions"},
    "taskforce": {"mpp_portal", "regions", "commitments"},
    "dashboards": {"mpp_portal", "regions", "commitments", "mou", "quality", "operations", "taskforce"},
    "opendata": {"mpp_portal", "regions", "commitments", "mou", "quality", "dashboards"},
}
APPS = set(MAY_IMPORT)


def imported_apps(path: Path) -> list[tuple[int, str]]:
    """``(line, app)`` for every absolute import of one of our apps in ``path``, wherever it sits (top level,
    inside a function, under ``if TYPE_CHECKING``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found += [(node.lineno, module.split(".")[0]) for module in modules if module.split(".")[0] in APPS]
    return found


def violations(app: str) -> list[str]:
    allowed = MAY_IMPORT[app] | {app}
    return [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path in sorted((ROOT / app).rglob("*.py"))
        for line, target in imported_apps(path)
        if target not in allowed
    ]


def test_the_direction_names_every_app_package_of_the_project():
    packages = {p.parent.name for p in ROOT.glob("*/apps.py")} | {"mpp_portal"}
    assert packages == APPS


@pytest.mark.parametrize("app", sorted(MAY_IMPORT))
def test_no_app_imports_against_the_direction(app):
    assert violations(app) == []


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from dashboards.services import progress_recompute\n    import mou.models\n")
    assert imported_apps(module) == [(2, "dashboards"), (3, "mou")]
