"""The DCAT catalog of the open datasets as JSON-LD (W3C DCAT 3, checksums in the SPDX vocabulary)."""
import json

from django.urls import reverse
from django.utils import translation

from .datasets import CONTACT, DATASETS, LICENSE, PRODUCER
from .models import Release

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"
DAILY = "http://publications.europa.eu/resource/authority/frequency/DAILY"
INDONESIAN = "http://publications.europa.eu/resource/authority/language/IND"
PUBLISHER = "https://www.menpan.go.id/#kementerian-panrb"


def _text(value: str) -> dict:
    return {"@value": str(value), "@language": "id"}


def _date(value: str | None) -> dict | None:
    if not value:
        return None
    return {"@value": value, "@type": "xsd:gYearMonth" if len(value) == 7 else "xsd:date"}


def catalog(*, release: Release, absolute) -> dict:
    """``absolute(path)`` turns a path into a URL. Built from the release's own metadata files, so the
    catalog describes exactly the files that release holds."""
    files = {f.name: f for f in release.files.all()}
    index = absolute(reverse("opendata:index"))
    datasets = []
    with translation.override("id"):
        for dataset in DATASETS:
            meta_file = files.get(f"{dataset.slug}.metadata.json")
            if meta_file is None:
                continue
            metadata = json.loads(bytes(meta_file.content))
            period = {"@type": "dct:PeriodOfTime"}
            for key, prop in (("awal", "dcat:startDate"), ("akhir", "dcat:endDate")):
                if metadata["periode"].get(key):
                    period[prop] = _date(metadata["periode"][key])
            distributions = []
            for suffix, fmt in (("csv", "CSV"), ("json", "JSON")):
                f = files.get(f"{dataset.slug}.{suffix}")
                if f is None:
                    continue
                url = absolute(reverse("opendata:release-file", args=[release.tag, f.name]))
                distributions.append({
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": _text(f"{metadata['judul']} ({fmt})"),
                    "dcat:downloadURL": {"@id": url},
                    "dcat:accessURL": {"@id": absolute(reverse("opendata:file", args=[f.name]))},
                    "dcat:mediaType": {"@id": MEDIA_TYPES + f.media_type},
                    "dct:format": fmt,
                    "dcat:byteSize": {"@value": str(f.size), "@type": "xsd:nonNegativeInteger"},
                    "dct:license": {"@id": LICENSE["url"]},
                    "dct:conformsTo": {"@id": absolute(reverse("opendata:release-file",
                                                               args=[release.tag, meta_file.name]))},
                    "spdx:checksum": {
                        "@type": "spdx:Checksum",
                        "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                        "spdx:checksumValue": {"@value": f.sha256, "@type": "xsd:hexBinary"},
                    },
                })
            datasets.append({
                "@id": f"{index}#{dataset.slug}",
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.slug,
                "dct:title": _text(metadata["judul"]),
                "dct:description": _text(metadata["deskripsi"]),
                "dcat:keyword": [_text(k) for k in metadata["kata_kunci"]],
                "dct:publisher": {"@id": PUBLISHER},
                "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": CONTACT["nama"],
                                      "vcard:hasURL": {"@id": CONTACT["url"]}},
                "dct:license": {"@id": LICENSE["url"]},
                "dct:language": {"@id": INDONESIAN},
                "dct:accrualPeriodicity": {"@id": DAILY},
                "dct:temporal": period,
                "dct:modified": _date(f"{release.published_at:%Y-%m-%d}"),
                "dcat:version": release.tag,
                "dcat:distribution": distributions,
            })
    return {
        "@context": CONTEXT,
        "@id": absolute(reverse("opendata:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _text("Data terbuka Mal Pelayanan Publik (MPP)"),
        "dct:description": _text("Data tercatat dan terverifikasi pemantauan Mal Pelayanan Publik oleh "
                                 "Kementerian PANRB, tanpa data contoh dan tanpa data pribadi."),
        "dct:publisher": {"@id": PUBLISHER, "@type": "foaf:Organization", "foaf:name": PRODUCER},
        "dct:license": {"@id": LICENSE["url"]},
        "dct:language": {"@id": INDONESIAN},
        "dct:modified": _date(f"{release.published_at:%Y-%m-%d}"),
        "foaf:homepage": {"@id": index},
        "dcat:dataset": datasets,
    }
