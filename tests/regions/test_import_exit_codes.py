"""The import commands as a shell runs them: exit status 0 on success, non-zero when any row fails."""
import subprocess
import sys

import pytest

from commitments.models import Commitment
from regions.models import Mpp
from tests.processes import ROOT, child_env

pytestmark = pytest.mark.django_db(transaction=True)


def manage(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=child_env(), capture_output=True,
                          text=True, timeout=120)


def test_both_import_commands_exit_non_zero_on_a_bad_row_and_zero_when_all_rows_pass(transactional_db, registry,
                                                                                     tmp_path):
    bad_mpps = tmp_path / "mpp.csv"
    bad_mpps.write_text("region,name\nKota Batu,Among Warga\nMalang,\n")
    failed = manage("import_mpps", str(bad_mpps), "--source", "voi.id, 26 Sep 2023")
    assert failed.returncode != 0 and "baris 3" in failed.stdout + failed.stderr
    assert not Mpp.objects.exists()

    commitments = tmp_path / "komitmen.csv"
    commitments.write_text("region,signatory_title,outcome\nKota Malang,Wali Kota,signed\nKota Malang,Wali Kota,signed\n")
    failed = manage("import_commitments", str(commitments), "--event-date", "2021-03-02", "--source", "uji")
    assert failed.returncode != 0 and not Commitment.objects.exists()

    commitments.write_text("region,signatory_title,outcome\nKota Malang,Wali Kota,signed\n")
    passed = manage("import_commitments", str(commitments), "--event-date", "2021-03-02", "--source", "uji")
    assert passed.returncode == 0 and "1 dibuat" in passed.stdout
    assert Commitment.objects.count() == 1
