"""Writes of the open data app: publishing a release when the public data changed."""
import hashlib
import json
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .datasets import DATASETS, files_build
from .models import Release, ReleaseFile
from .selectors import release_latest

logger = logging.getLogger(__name__)
NAMES_SHOWN = 5


def release_publish(*, run_id: int | None = None) -> Release | None:
    """Build every open data file; when any differs from the latest release, publish a new release with the
    files, their SHA-256 and a changelog. Returns None when nothing changed. Earlier releases are never
    touched."""
    files = files_build()
    checksums = {name: hashlib.sha256(content).hexdigest() for name, (_type, content) in files.items()}
    for _attempt in range(3):
        previous = release_latest()
        if previous is not None and dict(previous.files.values_list("name", "sha256")) == checksums:
            return None
        now = timezone.now()
        try:
            with transaction.atomic():
                release = Release.objects.create(
                    tag=_next_tag(now), published_at=now, run_id=run_id, changelog=changelog(previous, files),
                )
                ReleaseFile.objects.bulk_create(
                    ReleaseFile(release=release, name=name, media_type=media_type, content=content,
                                sha256=checksums[name], size=len(content))
                    for name, (media_type, content) in sorted(files.items())
                )
        except IntegrityError:
            # Another worker published at the same moment: compare with its release instead.
            continue
        logger.info("Published open data release %s", release.tag)
        return release
    raise RuntimeError("could not publish an open data release")


def _next_tag(now) -> str:
    day = timezone.localdate(now)
    return f"{day:%Y.%m.%d}-{Release.objects.filter(tag__startswith=f'{day:%Y.%m.%d}-').count() + 1}"


def _rows(content: bytes) -> list[dict]:
    return json.loads(content)["data"]


def _key(dataset, row) -> tuple:
    return tuple(str(row.get(column)) for column in dataset.key)


def changelog(previous: Release | None, files: dict[str, tuple[str, bytes]]) -> str:
    """A short account of what changed since ``previous``, in Bahasa Indonesia like the files:
    "+3 MPP beroperasi: MPP A (Kota B), ..." first, then rows added, removed and changed per dataset."""
    with translation.override("id"):
        new = {d.slug: _rows(files[f"{d.slug}.json"][1]) for d in DATASETS}
        if previous is None:
            operating = sum(1 for row in new["mpp"] if row["status"] == "operating")
            return _("Rilis pertama: %(mpps)s MPP beroperasi dari %(all)s MPP tercatat, %(units)s kabupaten/kota.") % {
                "mpps": operating, "all": len(new["mpp"]), "units": len(new["unit-sasaran"])}
        stored = dict(previous.files.filter(name__endswith=".json").exclude(name__endswith=".metadata.json")
                      .values_list("name", "content"))
        old = {d.slug: _rows(bytes(stored[f"{d.slug}.json"])) if f"{d.slug}.json" in stored else []
               for d in DATASETS}
        lines = _operating_lines(old["mpp"], new["mpp"])
        for dataset in DATASETS:
            before = {_key(dataset, row): row for row in old[dataset.slug]}
            after = {_key(dataset, row): row for row in new[dataset.slug]}
            added = len(after.keys() - before.keys())
            removed = len(before.keys() - after.keys())
            changed = sum(1 for key in after.keys() & before.keys() if after[key] != before[key])
            if added or removed or changed:
                lines.append(_("%(dataset)s: +%(added)s baris, -%(removed)s baris, %(changed)s diubah") % {
                    "dataset": dataset.slug, "added": added, "removed": removed, "changed": changed})
        return "\n".join(lines) or _("Metadata diperbarui.")


def _operating_lines(old: list[dict], new: list[dict]) -> list[str]:
    was = {row["id_mpp"] for row in old if row["status"] == "operating"}
    now = {row["id_mpp"]: row for row in new if row["status"] == "operating"}
    lines = []
    gained = [now[pk] for pk in sorted(now.keys() - was)]
    lost = sorted(was - now.keys())
    if gained:
        names = ", ".join(f"{row['nama_mpp']} ({row['nama_wilayah']})" for row in gained[:NAMES_SHOWN])
        more = len(gained) - NAMES_SHOWN
        if more > 0:
            names += ", " + ngettext("dan %(n)s lainnya", "dan %(n)s lainnya", more) % {"n": more}
        lines.append(_("+%(n)s MPP beroperasi: %(names)s") % {"n": len(gained), "names": names})
    if lost:
        lines.append(_("-%(n)s MPP tidak lagi beroperasi (id %(ids)s)") % {
            "n": len(lost), "ids": ", ".join(str(pk) for pk in lost[:NAMES_SHOWN * 4])})
    return lines
