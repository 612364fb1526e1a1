"""import_commitments: one commitment per event and region, all or nothing, idempotent, exit codes."""
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from commitments.models import Commitment, SigningEvent

pytestmark = pytest.mark.django_db

HEADER = "region,signatory_name,signatory_title,outcome,absence_reason,target_year\n"


SOURCE = "tabloidjawatimur.com, 2 Mar 2021"


def write_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "komitmen.csv"
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def run(path: Path, *args) -> str:
    out = io.StringIO()
    try:
        call_command("import_commitments", str(path), "--event-date", "2021-03-02", "--source", SOURCE, *args,
                     stdout=out)
    except CommandError as error:
        error.output = out.getvalue()
        raise
    return out.getvalue()


def test_signed_and_absent_commitments_are_recorded_with_acting_heads(registry, tmp_path):
    path = write_csv(tmp_path, (
        "Kota Malang,Sutiaji,Wali Kota,signed,,2022\n"
        "Kab. Langkat,Syah Afandin,Pj Bupati,ditandatangani,,\n"
        "Kota Lubuklinggau,,,tidak hadir,Belum ada kepala daerah definitif setelah Pilkada,\n"
    ))
    output = run(path, "--place", "Hotel Fairmont Jakarta", "--counterpart", "Menteri PANRB Tjahjo Kumolo")
    assert "3 dibuat" in output
    event = SigningEvent.objects.get()
    assert (event.place, event.counterpart, event.year) == ("Hotel Fairmont Jakarta", "Menteri PANRB Tjahjo Kumolo", 2021)
    langkat = Commitment.objects.get(region__code="12.05")
    assert (langkat.signatory_title, langkat.outcome) == ("Pj Bupati", "signed")
    assert Commitment.objects.get(region__code="16.73").outcome == "absent"
    assert Commitment.objects.get(region__code="35.73").target_year == 2022


def test_a_region_twice_in_the_file_is_a_clear_error_and_nothing_is_saved(registry, tmp_path):
    path = write_csv(tmp_path, "Kota Malang,Sutiaji,Wali Kota,signed,,\n35.73,Sutiaji,Wali Kota,signed,,\n")
    with pytest.raises(CommandError) as raised:
        run(path)
    assert "baris 3, region" in raised.value.output and "baris 2" in raised.value.output
    assert not Commitment.objects.exists() and not SigningEvent.objects.exists()


def test_absent_without_reason_unknown_outcome_and_ambiguous_region_fail_with_line_numbers(registry, tmp_path):
    path = write_csv(tmp_path, (
        "Kota Malang,Sutiaji,Wali Kota,signed,,\n"
        "Kab. Langkat,,,absent,,\n"
        "Kota Batu,,,mungkin,,\n"
        "Kediri,,,signed,,\n"
        "Kota Blitar,,,signed,,1999\n"
    ))
    with pytest.raises(CommandError, match="4 kesalahan") as raised:
        run(path)
    output = raised.value.output
    for expected in ("baris 3, absence_reason", "baris 4, outcome", "baris 5, region", "baris 6, target_year"):
        assert expected in output
    assert "35.06" in output and "35.71" in output
    assert not Commitment.objects.exists()


def test_importing_the_same_file_again_changes_nothing_and_a_changed_row_updates(registry, tmp_path):
    path = write_csv(tmp_path, "Kota Malang,Sutiaji,Wali Kota,signed,,2022\nKab. Kudus,,,signed,,\n")
    run(path)
    assert "0 dibuat, 0 diperbarui, 2 tidak berubah" in run(path)
    assert SigningEvent.objects.count() == 1 and Commitment.objects.count() == 2
    changed = write_csv(tmp_path, "Kota Malang,Sutiaji,Wali Kota,signed,,2023\n")
    assert "0 dibuat, 1 diperbarui, 0 tidak berubah" in run(changed)
    assert Commitment.objects.get(region__code="35.73").target_year == 2023


def test_the_event_date_is_required_and_a_dry_run_saves_nothing(registry, tmp_path):
    path = write_csv(tmp_path, "Kota Malang,Sutiaji,Wali Kota,signed,,\n")
    with pytest.raises(CommandError):
        call_command("import_commitments", str(path), stdout=io.StringIO())
    assert "1 dibuat" in run(path, "--dry-run")
    assert not SigningEvent.objects.exists() and not Commitment.objects.exists()
