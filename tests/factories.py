"""Shared test factories (factory-boy): one place for the records tests need, with one set of defaults.

They write with the ORM directly, as fixtures: the behaviour under test (services, pages, API, admin) is
what writes the change history, never a fixture. An MPP is made in a region of the loaded registry by its
Kemendagri code; an operating MPP meets the lifecycle's requirements unless the test says otherwise.
"""
import datetime

import factory
from django.utils import timezone

from commitments.models import Commitment, SigningEvent
from dashboards.models import ReportedTotal, Target
from mou.models import Agreement, AgreementParty, Clause, Institution
from quality.models import (
    DigitalPilot,
    Evaluation,
    EvaluationCategory,
    FiscalCapacity,
    ReadinessCheck,
    ReadinessCriterion,
)
from regions.models import Inauguration, Mpp, Region
from taskforce.models import Assistance, FollowUp

INAUGURATED_ON = datetime.date(2022, 12, 5)


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class MppFactory(factory.django.DjangoModelFactory):
    """``MppFactory(code="35.79")``. Counts and the inauguration date are filled for every status, so a
    later move to operating meets the requirements; pass them explicitly to test what is missing."""

    class Meta:
        model = Mpp

    class Params:
        code = "35.79"

    region = factory.LazyAttribute(lambda o: Region.objects.get(code=o.code))
    name = factory.LazyAttribute(lambda o: f"MPP {o.region.name}")
    status = Mpp.Status.OPERATING
    inaugurated_on = INAUGURATED_ON
    tenant_count = 26
    service_count = 207


class InaugurationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inauguration

    date = datetime.date(2023, 6, 20)
    place = "Jakarta"
    officiated_by = "Wakil Presiden K.H. Ma'ruf Amin"
    source = "uji"


class SigningEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SigningEvent

    date = datetime.date(2021, 3, 2)
    year = factory.LazyAttribute(lambda o: o.date.year if o.date else None)
    place = "Jakarta"
    counterpart = "Menteri PANRB"


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    class Params:
        code = "35.79"

    event = factory.SubFactory(SigningEventFactory)
    region = factory.LazyAttribute(lambda o: Region.objects.get(code=o.code))
    signatory_name = "Dewanti Rumpoko"
    signatory_title = "Wali Kota"


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"Instansi Uji {n}")
    short_name = factory.Sequence(lambda n: f"IU{n}")
    kind = Institution.Kind.AGENCY


class AgreementFactory(factory.django.DjangoModelFactory):
    """A national agreement (no MPP); pass ``mpp`` and ``kind=Agreement.Kind.REGIONAL`` for a PKS."""

    class Meta:
        model = Agreement

    kind = Agreement.Kind.NATIONAL
    title = factory.Sequence(lambda n: f"Nota Kesepahaman Uji {n}")
    signed_on = datetime.date(2022, 6, 28)
    term_years = 5
    expires_on = datetime.date(2027, 6, 28)
    status = Agreement.Status.SIGNED


class ClauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clause

    agreement = factory.SubFactory(AgreementFactory)
    section = Clause.Section.PURPOSE
    text = "Maksud dan tujuan"


class AgreementPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    institution = factory.SubFactory(InstitutionFactory)
    signatory_title = "Menteri"
    signed_on = datetime.date(2022, 6, 28)


class EvaluationCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationCategory

    key = factory.Sequence(lambda n: f"uji-{n}")
    name = factory.Sequence(lambda n: f"Kategori Uji {n}")
    rank = factory.Sequence(lambda n: 100 + n)


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    class Params:
        code = "35.79"

    region = factory.LazyAttribute(lambda o: Region.objects.get(code=o.code))
    year = 2023
    category = factory.LazyFunction(lambda: EvaluationCategory.objects.order_by("rank").first())
    decree = "SK MenPANRB 1/2024"


class DigitalPilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DigitalPilot

    region = factory.LazyFunction(lambda: Region.objects.get(code="35.79"))
    written_as = "Kota Batu"
    launched_on = datetime.date(2023, 6, 20)


class ReadinessCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadinessCriterion

    key = factory.Sequence(lambda n: f"kriteria-uji-{n}")
    name = factory.Sequence(lambda n: f"Kriteria Uji {n}")
    position = factory.Sequence(lambda n: 100 + n)


class ReadinessCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadinessCheck

    mpp = factory.SubFactory(MppFactory)
    criterion = factory.LazyFunction(lambda: ReadinessCriterion.objects.order_by("position").first())
    met = True
    checked_at = factory.LazyFunction(timezone.now)


class FiscalCapacityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FiscalCapacity

    class Params:
        code = "35.79"

    region = factory.LazyAttribute(lambda o: Region.objects.get(code=o.code))
    year = 2024
    fiscal_class = FiscalCapacity.FiscalClass.values[0]
    regulation = "PMK 65/2024"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    name = factory.Sequence(lambda n: f"Sasaran uji {n}")
    deadline = datetime.date(2026, 12, 31)
    position = factory.Sequence(lambda n: 100 + n)


class ReportedTotalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportedTotal

    date = factory.Sequence(lambda n: datetime.date(2030, 1, 1) + datetime.timedelta(days=n))
    total = 300
    source = "uji"


class AssistanceFactory(factory.django.DjangoModelFactory):
    """``AssistanceFactory(code="35.79", date=...)``: a recorded assistance, the region's stage as given."""

    class Meta:
        model = Assistance

    class Params:
        code = "35.79"

    region = factory.LazyAttribute(lambda o: Region.objects.get(code=o.code))
    date = datetime.date(2025, 3, 10)
    form = Assistance.Form.FIELD_VISIT
    areas = "kelembagaan,anggaran"
    findings = "Perangkat daerah pengelola belum ditetapkan."
    stage_at_visit = Region.Stage.NONE


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    assistance = factory.SubFactory(AssistanceFactory)
    description = "Menetapkan perangkat daerah pengelola MPP"
    owner_kind = FollowUp.Owner.REGION
    due_on = datetime.date(2025, 6, 30)
