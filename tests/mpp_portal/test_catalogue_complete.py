"""The English catalogue is complete for the project as it stands, model-level texts and seeded content included.

The committed django.po can only be checked for the msgids it already holds; a new verbose_name, choice label,
help_text or template string is missing from it until someone runs makemessages. So this test runs makemessages
itself on a copy of the project (the tracked files plus untracked, non-ignored ones) and fails listing every
msgid the merged catalogue leaves empty or fuzzy. Seeded Indonesian content (target names, evaluation
categories, readiness criteria, MoU texts) is collected from each app's ``seeded_texts`` module; further tests
check those lists cover what the migrations and loaders store, and that English pages show the English form.
"""
import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import override

from dashboards.models import Target
from dashboards.services import progress_recompute
from mpp_portal.seeded import CONTEXT, translate_seeded
from quality.models import EvaluationCategory, ReadinessCriterion
from tests.conftest import IN_CI, client_for
from tests.mpp_portal.test_english import in_english, po_entries

ROOT = Path(settings.BASE_DIR)
IGNORED = ["tests", "bench", ".venv", "var", "node_modules"]


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """The locale middleware activates the cookie's language on the test thread and nothing resets it; put
    Indonesian back so tests after an English page are not run in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def project_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                            capture_output=True).stdout.decode("utf-8")
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def untranslated(entries: list[dict]) -> list[str]:
    """The msgids (with their context, if any) whose translation is empty or marked fuzzy."""
    return [(f"{e['msgctxt']} | " if e.get("msgctxt") else "") + e["msgid"] for e in entries
            if "fuzzy" in e["flags"] or not all(e[k] for k in e if k.startswith("msgstr"))]


def test_makemessages_on_the_current_tree_leaves_nothing_untranslated(tmp_path):
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        if IN_CI:
            pytest.fail("gettext (xgettext, msgmerge) is required under CI")
        pytest.skip("gettext is not installed")
    copy = tmp_path / "project"
    for name in project_files():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    env = {**os.environ, "VAR_DIR": os.fspath(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "mpp_portal.settings"}
    ignores = [f"--ignore={pattern}" for pattern in IGNORED]
    subprocess.run([sys.executable, "manage.py", "makemessages", "-l", "en", *ignores], cwd=copy, env=env,
                   check=True, capture_output=True)
    entries = po_entries(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == "" and "fuzzy" not in header["flags"]
    missing = untranslated(messages)
    assert missing == [], f"{len(missing)} msgid(s) without an English translation:\n" + "\n".join(missing)


def test_model_level_texts_are_in_the_catalogue():
    """Verbose names, choices and help texts reach the catalogue through makemessages (spot checks)."""
    msgids = {e["msgid"] for e in po_entries(ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po")}
    assert {"kriteria kesiapan MPP Digital", "tanda tindak lanjut", "Jauh dari riwayat MPP",
            "Bila tanggalnya tidak diketahui: batas awal menurut sumber."} <= msgids


def marked(path: Path) -> set[str]:
    """The strings a seeded_texts module marks with the seeded-content context."""
    return {node.args[1].value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "pgettext_lazy"
            and node.args[0].value == CONTEXT}


def test_the_seeded_text_lists_cover_what_the_migrations_and_loaders_store():
    targets = ast.parse((ROOT / "dashboards/migrations/0002_seed_targets.py").read_text(encoding="utf-8"))
    name = next(node.value.value for node in targets.body
                if isinstance(node, ast.Assign) and node.targets[0].id == "NAME")
    assert name in marked(ROOT / "dashboards" / "seeded_texts.py")

    quality = ast.parse((ROOT / "quality/migrations/0002_seed_categories_and_criteria.py").read_text(encoding="utf-8"))
    lists = {node.targets[0].id: ast.literal_eval(node.value) for node in quality.body
             if isinstance(node, ast.Assign) and node.targets[0].id in ("CATEGORIES", "CRITERIA")}
    seeded = {row[1] for row in lists["CATEGORIES"]} | {row[1] for row in lists["CRITERIA"]}
    assert len(lists["CRITERIA"]) == 11 and seeded <= marked(ROOT / "quality" / "seeded_texts.py")

    data = json.loads((ROOT / "mou" / "data" / "national_mou.json").read_text(encoding="utf-8"))
    stored = ({data["title"]} | {p["signatory_title"] for p in data["parties"]}
              | {c["summary"] for c in data["clauses"] if c["summary"]}
              | {p["institution"] for p in data["parties"] if not p["institution"].startswith("PT ")})
    assert stored - marked(ROOT / "mou" / "seeded_texts.py") == set()


def test_seeded_texts_have_an_english_form_and_others_pass_through():
    with override("en"):
        assert translate_seeded("Kementerian Dalam Negeri") == "Ministry of Home Affairs"
        assert translate_seeded("Komitmen") == "Commitment"
        assert translate_seeded("Nama yang diubah admin") == "Nama yang diubah admin"
    with override("id"):
        assert translate_seeded("Kementerian Dalam Negeri") == "Kementerian Dalam Negeri"


@pytest.mark.django_db
def test_the_english_dashboard_shows_the_target_name_in_english(registry, analyst):
    target = Target.objects.get(basis=Target.Basis.KEMENPANRB, metric=Target.Metric.OPERATING)
    assert target.name == "Setiap kab/kota memiliki MPP beroperasi pada 2024"  # stored value unchanged
    progress_recompute()
    page = in_english(client_for(analyst)).get(reverse("dashboards:national")).text
    assert "Every regency/city has an operating MPP by 2024" in page
    assert "Setiap kab/kota memiliki MPP beroperasi pada 2024" not in page
    indonesian = client_for(analyst).get(reverse("dashboards:national")).text
    assert "Setiap kab/kota memiliki MPP beroperasi pada 2024" in indonesian


@pytest.mark.django_db
def test_the_english_quality_page_shows_the_criteria_in_english(registry, analyst):
    assert ReadinessCriterion.objects.filter(name="Pemrosesan dan Pelacakan Dokumen").exists()
    assert EvaluationCategory.objects.filter(name="Sangat Baik").exists()
    page = in_english(client_for(analyst)).get(reverse("quality:dashboard")).text
    assert "Document processing and tracking" in page and "Satisfaction survey" in page
    assert "Pemrosesan dan Pelacakan Dokumen" not in page and "Survei Kepuasan" not in page
    assert "Very good" in page and "Sangat Baik" not in page


@pytest.mark.django_db
def test_the_english_mou_page_shows_parties_and_summaries_in_english(registry, analyst):
    from mou.history import load
    from mou.models import Agreement

    load(stdout=open(os.devnull, "w"))
    agreement = Agreement.objects.get(kind=Agreement.Kind.NATIONAL)
    page = in_english(client_for(analyst)).get(reverse("mou:detail", args=[agreement.pk])).text
    assert "Ministry of Home Affairs" in page and "Kementerian Dalam Negeri" not in page
    assert "Policy, monitoring and evaluation" in page
    assert "Memorandum of Understanding on Cooperation" in page
