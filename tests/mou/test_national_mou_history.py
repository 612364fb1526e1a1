import io

from mou import history
from mou.models import Agreement, AgreementParty, Clause, Institution
from mpp_portal.models import ChangeRecord
from tests.conftest import api_for


def test_it_records_the_national_mou_with_17_parties_and_8_clause_sections(national_mou):
    assert str(national_mou.signed_on) == "2022-06-28"
    assert national_mou.parties.count() == 17
    assert national_mou.parties.filter(institution__short_name="Kemendagri").get().signatory_title == (
        "Menteri Dalam Negeri"
    )
    assert [c.section for c in national_mou.clauses.all()] == [
        "purpose", "scope", "roles", "service_delivery", "term", "financing", "correspondence", "evaluation"
    ]
    purpose = national_mou.clauses.get(section="purpose")
    assert not purpose.text_published and purpose.text == "teks tidak dipublikasikan"
    assert purpose.summary.startswith("Landasan kerja sama")
    assert national_mou.status == Agreement.Status.SIGNED
    assert national_mou.expires_on is None  # the term was not published


def test_loading_it_twice_changes_nothing(national_mou):
    counts = (Agreement.objects.count(), Institution.objects.count(), AgreementParty.objects.count(),
              Clause.objects.count(), ChangeRecord.objects.count())
    history.load(stdout=io.StringIO())
    assert counts == (Agreement.objects.count(), Institution.objects.count(), AgreementParty.objects.count(),
                      Clause.objects.count(), ChangeRecord.objects.count())


def test_the_api_lists_it_and_returns_its_17_parties(national_mou, analyst):
    client = api_for(analyst)
    listing = client.get("/api/agreements/").json()
    assert [a["signed_on"] for a in listing["results"]] == ["2022-06-28"]
    detail = client.get(f"/api/agreements/{listing['results'][0]['id']}/").json()
    assert len(detail["parties"]) == 17
    assert len(detail["clauses"]) == 8
    assert detail["parties"][0]["institution"]["short_name"] == "Kementerian PANRB"
    nested = client.get(f"/api/agreements/{national_mou.pk}/parties/").json()
    assert len(nested) == 17


def test_the_api_filters_agreements_by_kind_status_and_institution(batu_pks, analyst):
    client = api_for(analyst)
    polri = Institution.objects.get(short_name="Polri")
    bpom = Institution.objects.get(short_name="BPOM")

    def ids(query):
        return sorted(a["id"] for a in client.get(f"/api/agreements/?{query}").json()["results"])

    national = Agreement.objects.get(kind="national").pk
    assert ids("kind=regional") == [batu_pks.pk]
    assert ids("kind=national") == [national]
    assert ids(f"institution={polri.pk}") == sorted([national, batu_pks.pk])
    assert ids(f"institution={bpom.pk}") == [national]
    assert ids("status=in_force") == []
    assert client.get("/api/agreements/?status=bogus").status_code == 400


def test_the_page_shows_the_mou_with_unpublished_clause_text_marked(national_mou, analyst):
    from tests.conftest import client_for

    page = client_for(analyst).get(f"/nota-kesepahaman/{national_mou.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "17 pihak" in body and "teks tidak dipublikasikan" in body and "Kepolisian Negara Republik Indonesia" in body
    assert "Nota Kesepahaman" in client_for(analyst).get("/nota-kesepahaman/").content.decode()
