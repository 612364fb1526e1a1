"""English from the language switcher: pages, model labels and service errors come out in English, and the
English catalogue is complete and compiled."""
import ast
import gettext
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from dashboards.services import progress_recompute
from regions.models import Mpp, Region
from tests.conftest import IN_CI, api_for, client_for

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # what the switcher's set_language view leaves
    return client


@pytest.fixture
def batu_mpp(registry):
    return Mpp.objects.create(region=Region.objects.get(code="35.79"), name="MPP Among Warga",
                              status=Mpp.Status.OPERATING, tenant_count=26, service_count=207,
                              inaugurated_on="2022-12-05")


def test_the_login_page_is_in_english(client):
    page = in_english(client).get(reverse("login")).text
    assert "Sign in to the portal" in page and "Username" in page and "Password" in page
    assert "Masuk ke portal" not in page and "Kata sandi" not in page
    assert 'lang="en"' in page


def test_the_national_dashboard_is_in_english(batu_mpp, analyst):
    progress_recompute()
    page = in_english(client_for(analyst)).get(reverse("dashboards:national")).text
    assert "National dashboard" in page and "Coverage by province" in page and "KemenPANRB basis" in page
    assert "Dasbor nasional" not in page and "Cakupan per provinsi" not in page
    assert ">Regions</a>" in page and ">Wilayah</a>" not in page


def test_the_region_list_shows_english_headings_and_stage_labels(batu_mpp, analyst):
    page = in_english(client_for(analyst)).get(reverse("regions:list"), {"search": "batu"}).text
    assert "Kota Batu" in page
    assert "MPP stage" in page and "Operating" in page and "Search by name" in page
    assert "Tahap MPP" not in page and "Beroperasi" not in page and "Cari nama" not in page


def test_an_mpp_page_is_in_english(batu_mpp, batu_officer):
    page = in_english(client_for(batu_officer)).get(reverse("regions:mpp-detail", args=[batu_mpp.pk])).text
    assert "MPP Among Warga" in page
    assert "Update status" in page and "Status history" in page and "Inauguration date" in page
    assert "Perbarui status" not in page and "Riwayat status" not in page


def test_the_mou_list_is_in_english(analyst):
    page = in_english(client_for(analyst)).get(reverse("mou:list")).text
    assert "Memoranda of Understanding and PKS" in page and "Agreement list" in page
    assert "Nota Kesepahaman dan PKS" not in page and "Daftar perjanjian" not in page


def test_the_quality_page_is_in_english(analyst):
    page = in_english(client_for(analyst)).get(reverse("quality:dashboard")).text
    assert "Quality and MPP Digital" in page and "Quality &amp; Digital" in page
    assert "MPP Digital readiness by criterion" in page
    assert "Kualitas dan MPP Digital" not in page and "Kesiapan MPP Digital per kriteria" not in page


def test_without_the_cookie_the_portal_stays_indonesian_whatever_the_browser_asks(analyst):
    page = client_for(analyst).get(reverse("regions:list"), HTTP_ACCEPT_LANGUAGE="en").text
    assert ">Wilayah</a>" in page and ">Regions</a>" not in page


def test_model_choice_labels_have_english_names():
    with override("en"):
        assert [str(label) for label in Region.Stage.labels] == [
            "None", "Committed", "Preparing", "Operating"]
        assert str(Mpp.Status.SUSPENDED.label) == "Not operating"
        assert str(Mpp.Status.PLANNED.label) == "Planned"


def test_an_api_refusal_is_translated_for_the_cookie(batu_mpp, batu_officer):
    api = in_english(api_for(batu_officer))
    response = api.post(f"/api/mpps/{batu_mpp.pk}/status/", {"status": "suspended", "note": ""}, format="json")
    assert response.status_code == 400
    assert response.json()["note"] == ["A reason is required to mark an MPP as not operating."]
    batu_mpp.refresh_from_db()
    assert batu_mpp.status == Mpp.Status.OPERATING


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file as {"msgid", "msgid_plural", "msgstr", "msgstr[0]", ..., "flags"}: just
    enough of the format (keywords, continued strings, flag comments) to check the catalogue."""
    entries, entry, key = [], {"flags": set()}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, literal = line.partition(" ")
            entry[key] = ast.literal_eval(literal)
    return entries


def test_every_string_has_an_english_translation_and_none_is_fuzzy():
    entries = po_entries(CATALOGUE / "django.po")
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == "" and "Language: en" in header["msgstr"] and "fuzzy" not in header["flags"]
    assert len(messages) > 700
    untranslated = [e["msgid"] for e in messages
                    if not all(e[k] for k in e if k.startswith("msgstr"))]
    assert untranslated == []
    assert [e["msgid"] for e in messages if "fuzzy" in e["flags"]] == []


def test_the_compiled_catalogue_matches_the_po_file():
    with open(CATALOGUE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in po_entries(CATALOGUE / "django.po")[1:]:
        context, msgid = entry.get("msgctxt"), entry["msgid"]
        if "msgid_plural" in entry:
            for n, key in ((1, "msgstr[0]"), (2, "msgstr[1]")):
                args = (msgid, entry["msgid_plural"], n)
                found = compiled.npgettext(context, *args) if context else compiled.ngettext(*args)
                assert found == entry[key], msgid
        else:
            found = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
            assert found == entry["msgstr"], msgid


def test_the_po_file_compiles_cleanly_and_to_the_committed_catalogue(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if IN_CI:
            pytest.fail("msgfmt (gettext) is required under CI")
        pytest.skip("msgfmt (gettext) is not installed")
    fresh = tmp_path / "django.mo"
    subprocess.run([msgfmt, "--check", "-o", os.fspath(fresh), os.fspath(CATALOGUE / "django.po")],
                   check=True, capture_output=True)
    with open(fresh, "rb") as new, open(CATALOGUE / "django.mo", "rb") as committed:
        assert gettext.GNUTranslations(new)._catalog == gettext.GNUTranslations(committed)._catalog
