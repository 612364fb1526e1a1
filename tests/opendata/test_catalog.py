"""The DCAT catalog parses as JSON-LD, with a real processor, into the classes and properties DCAT names."""
import rdflib
from django.test import Client
from rdflib import namespace

from opendata.datasets import DATASETS

from .conftest import publish

# Module attributes, not imported names: pytest's collection would probe DCAT's closed namespace and warn.
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")


def test_the_catalog_parses_into_a_catalog_with_every_dataset_and_its_distributions(recorded_and_demo):
    DCAT, DCTERMS, RDF = namespace.DCAT, namespace.DCTERMS, namespace.RDF
    release = publish()
    response = Client().get("/data/catalog.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")

    graph = rdflib.Graph().parse(data=response.content, format="json-ld")

    catalogs = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    datasets = set(graph.objects(catalogs[0], DCAT.dataset))
    assert datasets == set(graph.subjects(RDF.type, DCAT.Dataset))
    assert {str(graph.value(d, DCTERMS.identifier)) for d in datasets} == {d.slug for d in DATASETS}
    checksums = dict(release.files.values_list("name", "sha256"))
    for dataset in datasets:
        for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.contactPoint, DCTERMS.license,
                     DCTERMS.accrualPeriodicity, DCTERMS.temporal):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 2
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            url = str(graph.value(distribution, DCAT.downloadURL))
            assert f"/data/rilis/{release.tag}/" in url
            name = url.rsplit("/", 1)[1]
            checksum = graph.value(distribution, SPDX.checksum)
            assert str(graph.value(checksum, SPDX.checksumValue)) == checksums[name]
            assert int(graph.value(distribution, DCAT.byteSize)) > 0
            assert str(graph.value(distribution, DCAT.mediaType)).endswith(("text/csv", "application/json"))
            # The download link serves exactly those bytes.
            download = Client().get(url.split("testserver", 1)[1])
            assert download.status_code == 200 and download["ETag"] == f'"{checksums[name]}"'
