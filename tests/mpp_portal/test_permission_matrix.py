"""Every route of the URLconf, for every role and method, answers as tests/permission_matrix.py says.

The routes are enumerated from ``django.urls.get_resolver()``, so a route added without an entry in the
table fails here, by name. Route parameters name fixture objects (a Kota Batu MPP and a status update
with evidence, a party of the national MoU, a Kota Batu PKS and its parties, the recorded events, quality
records). A write a role may not make must change nothing: the change history keeps its length.
"""
import datetime
import io

from django.conf import settings
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from commitments.models import Commitment, SigningEvent
from mou import services as mou_services
from mou.models import Agreement, Institution
from mpp_portal.models import ChangeRecord
from opendata import services as opendata_services
from operations import services as operations_services
from quality import services as quality_services
from quality.models import DigitalPilot, Evaluation, EvaluationCategory, FiscalCapacity, ReadinessCriterion
from regions import reports as region_reports
from regions import services as region_services
from regions.models import Inauguration, Mpp
from taskforce import services as taskforce_services
from tests.conftest import api_for, client_for
from tests.permission_matrix import ROLES, ROUTES

LOGIN_URL = "/masuk/"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 32


def routes() -> dict[str, str]:
    """Every route's name (with namespaces) and pattern, except the admin site and served media."""
    found = {}

    def walk(patterns, prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if route.startswith(("^media/", settings.MEDIA_URL.lstrip("/"), settings.STATIC_URL.lstrip("/"))):
                    continue
                found[f"{namespace}{pattern.name or route}"] = route

    walk(get_resolver().url_patterns, "", "")
    return found


def test_every_route_in_the_urlconf_has_an_entry_in_the_table():
    missing = sorted(set(routes()) - set(ROUTES))
    assert not missing, f"routes without an entry in tests/permission_matrix.py: {', '.join(missing)}"
    stale = sorted(set(ROUTES) - set(routes()))
    assert not stale, f"entries in tests/permission_matrix.py for routes that no longer exist: {', '.join(stale)}"


def outcome(response, *, api: bool, anonymous: bool) -> str:
    code = response.status_code
    if code in (301, 302, 303) and response["Location"].startswith(LOGIN_URL):
        return "login"
    if api and anonymous and code in (401, 403):
        return "unauth"
    return {400: "invalid", 403: "forbidden", 404: "not_found", 405: "not_allowed", 415: "unsupported"}.get(
        code, "ok" if 200 <= code < 400 else str(code)
    )


def fixture_objects(users) -> dict:
    call_command("load_history", stdout=io.StringIO())
    batu_mpp = Mpp.objects.get(region__code="35.79")
    update = region_services.mpp_status_update(
        user=users["admin_user"], mpp=batu_mpp, status=Mpp.Status.SUSPENDED, note="Gedung direnovasi",
        evidence=_png("bukti.png"),
    )
    national = Agreement.objects.get(kind=Agreement.Kind.NATIONAL)
    pks = mou_services.agreement_pks_create(
        user=users["batu_officer"], mpp=batu_mpp, title="PKS MPP Kota Batu", number="180/1/2023",
        signed_on=datetime.date(2023, 2, 1), term_years=5, dpmptsp_signatory_title="Kepala DPMPTSP Kota Batu",
        document=_png("pks.png"),
    )
    amendment = mou_services.amendment_create(
        user=users["batu_officer"], agreement=pks, dated=datetime.date(2023, 6, 1), note="Tambahan layanan",
        document=_png("adendum.png"),
    )
    mou_services.pks_institution_add(
        user=users["batu_officer"], agreement=pks, institution=Institution.objects.get(short_name="Polri"),
        service_count=3, signatory_title="Kapolres Batu",
    )
    criterion = ReadinessCriterion.objects.order_by("pk").first()
    check = quality_services.readiness_check_set(
        mpp=batu_mpp, criterion=criterion, user=users["batu_officer"], met=True, evidence_note="ada"
    )
    signing = SigningEvent.objects.order_by("pk").first()
    report = region_reports.mpp_change_submit(
        user=users["batu_officer"], mpp=Mpp.objects.get(pk=batu_mpp.pk), version=None, note="SK terbaru",
        evidence=_png("sk.png"),
    )
    batch = region_reports.report_batch_create(user=users["verifier"], requested=[(report.pk, "x")])
    # Zero visitors on opening days: accepted, and flagged for the verifiers.
    operations_report = operations_services.operations_report_submit(
        user=users["batu_officer"], mpp=Mpp.objects.get(pk=batu_mpp.pk), month=datetime.date(2025, 6, 1),
        visitors=0, transactions=0, active_services=10, tenants_present=5, complaints_received=0,
        complaints_resolved=0, ikm=None, opening_days=20,
    )
    assistance = taskforce_services.assistance_create(
        user=users["analyst"], region=batu_mpp.region, date=datetime.date(2025, 3, 10), form="kunjungan",
        areas=["kelembagaan"], findings="Perbup belum ada")
    follow_up = taskforce_services.follow_up_create(user=users["analyst"], assistance=assistance,
                                                    description="Susun Perbup", owner_kind="daerah",
                                                    due_on=datetime.date(2025, 6, 1))
    release = opendata_services.release_publish()
    call_command("recompute_progress", stdout=io.StringIO())  # the exports and the PDF read the latest snapshot
    return {
        "report": report.pk, "report_batch": batch.pk, "assistance": assistance.pk, "follow_up": follow_up.pk,
        "operations_report": operations_report.pk, "operations_flag": operations_report.flags.get().pk,
        "batu_mpp": batu_mpp.pk, "status_update": update.pk, "batu_region": "35.79", "east_java": "35",
        "national_institution": national.parties.order_by("pk").first().institution_id,
        "pks": pks.pk, "amendment": amendment.pk, "pks_party": pks.parties.order_by("pk").first().pk,
        "inauguration": Inauguration.objects.order_by("pk").first().pk, "signing": signing.pk,
        "commitment": Commitment.objects.filter(event=signing).order_by("pk").first().pk,
        "institution": Institution.objects.order_by("pk").first().pk,
        "category": EvaluationCategory.objects.order_by("pk").first().key,
        "evaluation": Evaluation.objects.order_by("pk").first().pk,
        "pilot": DigitalPilot.objects.order_by("pk").first().pk,
        "criterion": criterion.key, "readiness_check": check.pk,
        "fiscal": _fiscal().pk, "csv": "csv",
        "release": release.tag, "data_file": "mpp.csv",
    }


def _png(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PNG, content_type="image/png")


def _fiscal():
    from regions.models import Region

    return FiscalCapacity.objects.create(
        region=Region.objects.get(code="35.79"), year=2024, fiscal_class=FiscalCapacity.FiscalClass.HIGH,
        regulation="PMK 84/2023",
    )


def do(client, method: str, path: str, *, api: bool):
    if method == "GET":
        return client.get(path)
    if api:
        return getattr(client, method.lower())(path, {}, format="json")
    return getattr(client, method.lower())(path, {})




def test_every_role_gets_the_outcome_the_table_names_for_every_route_and_method(request, registry):
    users = {role: None if role == "anonymous" else request.getfixturevalue(role) for role in ROLES}
    objects = fixture_objects(users)
    pages = {role: client_for(user) for role, user in users.items()}
    apis = {role: api_for(user) for role, user in users.items()}
    mismatches = []
    for name, route in routes().items():
        entry, api = ROUTES[name], route.startswith("api/")
        path = reverse(name, kwargs={key: objects[value] for key, value in entry.get("kwargs", {}).items()})
        for method in ("GET", "POST", "PATCH"):
            for role, expected in zip(ROLES, entry.get(method, ())):
                # Logging out ends the session, so it gets a client of its own.
                client = client_for(users[role]) if name == "logout" else (apis if api else pages)[role]
                records = ChangeRecord.objects.count()
                got = outcome(do(client, method, path, api=api), api=api, anonymous=role == "anonymous")
                if got != expected:
                    mismatches.append(f"{method} {path} ({name}) as {role}: expected {expected}, got {got}")
                if method != "GET" and got != "ok" and ChangeRecord.objects.count() != records:
                    mismatches.append(f"{method} {path} ({name}) as {role} was refused ({got}) but changed history")
    assert not mismatches, "\n".join(mismatches)
