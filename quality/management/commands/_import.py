"""What the import commands share: reading the file, printing the report, failing on errors."""
from pathlib import Path

from django.core.management.base import CommandError


def read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"Berkas {path} tidak dapat dibaca sebagai CSV UTF-8: {exc}") from None


def report_print(command, report) -> None:
    for error in report.errors:
        command.stderr.write(str(error))
    if not report.ok:
        raise CommandError(report.summary())
    command.stdout.write(report.summary())
