"""Change history is a property of the model: every write of an audited model, through the Django admin or
the API, leaves exactly one change record per record it wrote; an admin that would not is read-only."""
import io
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from mou.models import Agreement
from mpp_portal.admin import AuditedModelAdmin
from mpp_portal.audit import Audited
from mpp_portal.models import ApiToken, ChangeRecord
from mpp_portal.tokens import api_token_issue
from regions.models import Inauguration, Region
from tests import factories as f
from tests.conftest import api_for, client_for

PORTAL_APPS = {"mpp_portal", "regions", "commitments", "mou", "quality", "operations", "taskforce", "dashboards"}

# How each audited model with an editable admin gets a fresh record to edit or delete.
MAKE = {
    "regions.Region": lambda: Region.objects.get(code="35.79"),
    "regions.Inauguration": f.InaugurationFactory,
    "mou.Institution": f.InstitutionFactory,
    "mou.Agreement": lambda: f.ClauseFactory().agreement,
    "quality.EvaluationCategory": f.EvaluationCategoryFactory,
    "quality.Evaluation": f.EvaluationFactory,
    "quality.DigitalPilot": f.DigitalPilotFactory,
    "quality.ReadinessCriterion": f.ReadinessCriterionFactory,
    "quality.FiscalCapacity": f.FiscalCapacityFactory,
    "dashboards.Target": f.TargetFactory,
    "taskforce.Assistance": f.AssistanceFactory,
    "taskforce.FollowUp": f.FollowUpFactory,
    "dashboards.ReportedTotal": f.ReportedTotalFactory,
    "mpp_portal.ApiToken": lambda: ApiToken.objects.get(
        prefix=api_token_issue(user=get_user_model().objects.create_user("pemegang-token"))[:8]),
}


def portal_admins():
    return sorted(
        ((model, model_admin) for model, model_admin in admin.site._registry.items()
         if model._meta.app_label in PORTAL_APPS),
        key=lambda pair: pair[0]._meta.label,
    )


def editable_admins():
    return [model._meta.label for model, model_admin in portal_admins() if isinstance(model_admin, AuditedModelAdmin)]


class FormValues(HTMLParser):
    """The values a browser would submit from the admin's change form (``<form id="..._form">``)."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.choices: dict[str, list[str]] = {}
        self._in_form = False
        self._select = self._textarea = None
        self._multiple = False

    def _add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("id") or "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
            elif kind not in ("file", "submit", "button", "image"):
                self._add(name, a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")
        elif tag == "select" and name:
            self._select, self._multiple = name, "multiple" in a
            self.values.setdefault(name, [])
        elif tag == "option" and self._select:
            self.choices.setdefault(self._select, []).append(a.get("value", ""))
            if "selected" in a:
                self._add(self._select, a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            if not self._multiple and not self.values[self._select] and self.choices.get(self._select):
                self._add(self._select, self.choices[self._select][0])
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][-1] += data


def form_values(client, url) -> FormValues:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = FormValues()
    parser.feed(response.content.decode())
    parser.values.setdefault("_save", ["Simpan"])
    return parser


def text_field_to_change(model, values: dict) -> str | None:
    """A plain text field of the model itself (not an inline's) that the form lets one edit."""
    for name in values:
        try:
            field = model._meta.get_field(name)
        except Exception:
            continue
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices \
                and not isinstance(field, models.SlugField):
            return name
    return None


def records_of(obj) -> list[ChangeRecord]:
    return list(ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)))


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_portal_admin_is_audited_or_read_only(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    for model, model_admin in portal_admins():
        writes = (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
                  or model_admin.has_delete_permission(request))
        if writes:
            assert issubclass(model, Audited), f"{model._meta.label}: its admin writes, but it is not audited"
            assert isinstance(model_admin, AuditedModelAdmin), f"{model._meta.label}: admin bypasses audited_save"


@pytest.mark.parametrize("label", editable_admins())
def test_an_admin_edit_leaves_exactly_one_change_record(label, admin_user, batu_officer):
    model, model_admin = next((m, a) for m, a in portal_admins() if m._meta.label == label)
    obj = MAKE[label]()
    client = client_for(admin_user)
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    if not model_admin.has_change_permission(request, obj):
        # API tokens: listed and revoked (a recorded delete), never edited.
        before = ChangeRecord.objects.count()
        assert client.post(admin_url(model, "change", obj.pk), {}).status_code == 403
        assert ChangeRecord.objects.count() == before
        return
    form = form_values(client, admin_url(model, "change", obj.pk))
    name = text_field_to_change(model, form.values)
    if name is not None:
        form.values[name] = [(form.values[name][0] or "") + " (diubah)"]
    else:  # the region: only its officers are set in the admin
        form.values["officers"] = [str(batu_officer.pk), str(admin_user.pk)]
    before = ChangeRecord.objects.count()
    earlier = {r.pk for r in records_of(obj)}

    response = client.post(admin_url(model, "change", obj.pk), form.values)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert ChangeRecord.objects.count() == before + 1
    [record] = [r for r in records_of(obj) if r.pk not in earlier]
    assert record.action == ChangeRecord.Action.UPDATE
    assert record.user == admin_user and record.user_name == admin_user.get_full_name()


@pytest.mark.parametrize("label", editable_admins())
def test_an_admin_add_leaves_exactly_one_change_record(label, admin_user):
    model, model_admin = next((m, a) for m, a in portal_admins() if m._meta.label == label)
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    if not model_admin.has_add_permission(request):
        # Registry records come from load_regions and agreements from the services: no add page at all.
        assert client_for(admin_user).get(admin_url(model, "add")).status_code == 403
        return
    template = MAKE[label]()
    form = form_values(client_for(admin_user), admin_url(model, "change", template.pk))
    model._base_manager.filter(pk=template.pk).delete()  # its values, minus the row, are a valid new record
    before = ChangeRecord.objects.count()

    response = client_for(admin_user).post(admin_url(model, "add"), form.values)

    assert response.status_code == 302, response.content.decode()[:3000]
    created = model._base_manager.order_by("-pk").first()
    assert ChangeRecord.objects.count() == before + 1
    assert [r.action for r in records_of(created)] == [ChangeRecord.Action.CREATE]


@pytest.mark.parametrize("label", editable_admins())
def test_an_admin_delete_is_recorded_or_refused(label, admin_user):
    model, model_admin = next((m, a) for m, a in portal_admins() if m._meta.label == label)
    obj = MAKE[label]()
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    before = ChangeRecord.objects.count()

    response = client_for(admin_user).post(admin_url(model, "delete", obj.pk), {"post": "yes"})

    if model_admin.has_delete_permission(request, obj):
        assert response.status_code == 302
        assert not model._base_manager.filter(pk=obj.pk).exists()
        assert ChangeRecord.objects.count() == before + 1
        assert [r.action for r in records_of(obj)] == [ChangeRecord.Action.DELETE]
    else:
        assert response.status_code == 403
        assert model._base_manager.filter(pk=obj.pk).exists()
        assert ChangeRecord.objects.count() == before


def test_an_inauguration_with_mpps_cannot_be_deleted_in_the_admin(admin_user):
    event = f.InaugurationFactory()
    mpp = f.MppFactory(code="35.79", inauguration=event)

    response = client_for(admin_user).post(admin_url(Inauguration, "delete", event.pk), {"post": "yes"})

    assert response.status_code == 403
    mpp.refresh_from_db()
    assert mpp.inauguration_id == event.pk
    assert "delete_selected" not in client_for(admin_user).get(admin_url(Inauguration, "changelist")).content.decode()


def test_an_inline_clause_edit_in_the_admin_leaves_one_record_for_the_clause(admin_user):
    clause = f.ClauseFactory()
    agreement = clause.agreement
    client = client_for(admin_user)
    form = form_values(client, admin_url(Agreement, "change", agreement.pk))
    [text_key] = [k for k in form.values if k.endswith("-text") and "__prefix__" not in k]
    form.values[text_key] = ["Teks pasal yang diubah"]
    before = ChangeRecord.objects.count()

    response = client.post(admin_url(Agreement, "change", agreement.pk), form.values)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert ChangeRecord.objects.count() == before + 1
    assert [r.changes["text"][1] for r in records_of(clause)] == ["Teks pasal yang diubah"]


def test_a_change_record_keeps_the_authors_name_as_it_was(admin_user):
    event = f.InaugurationFactory()
    client = client_for(admin_user)
    form = form_values(client, admin_url(Inauguration, "change", event.pk))
    form.values["place"] = ["Istana Wakil Presiden"]
    client.post(admin_url(Inauguration, "change", event.pk), form.values)
    admin_user.first_name, admin_user.last_name = "Nama", "Baru"
    admin_user.save()

    [record] = records_of(event)

    assert record.author_name == "admin-uji"
    assert record.user_name == "admin-uji"


# --- API writes ---------------------------------------------------------------------------------------------

def csv_file(name: str, text: str):
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def _pks(admin_user, batu_officer):
    mpp = f.MppFactory(code="35.79")
    agreement = f.AgreementFactory(kind=Agreement.Kind.REGIONAL, mpp=mpp)
    party = f.AgreementPartyFactory(agreement=agreement, last_edited_by=batu_officer)
    return mpp, agreement, party


def api_writes(admin_user, second_admin, batu_officer):
    """(who, method, url, body, format) for each API write of an audited model, in the order they run."""
    mpp, agreement, party = _pks(admin_user, batu_officer)
    event = f.SigningEventFactory()
    commitment = f.CommitmentFactory(event=event, code="35.73")
    inauguration = f.InaugurationFactory()
    criterion = f.ReadinessCriterionFactory()
    check = f.ReadinessCheckFactory(mpp=mpp)
    institution = f.InstitutionFactory()
    assistance = f.AssistanceFactory(date="2025-03-10")
    follow_up = f.FollowUpFactory(assistance=assistance)
    return [
        (admin_user, "post", "/api/inaugurations/", {"date": "2023-06-20", "place": "Jakarta"}, "json"),
        (admin_user, "patch", f"/api/inaugurations/{inauguration.pk}/", {"place": "Istana"}, "json"),
        (admin_user, "post", "/api/signing-events/", {"date": "2021-03-03", "place": "Jakarta"}, "json"),
        (admin_user, "patch", f"/api/signing-events/{event.pk}/", {"place": "Bali"}, "json"),
        (admin_user, "post", "/api/commitments/", {"event": event.pk, "region": "35.79",
                                                   "signatory_name": "Dewanti"}, "json"),
        (admin_user, "patch", f"/api/commitments/{commitment.pk}/", {"signatory_name": "Sutiaji"}, "json"),
        (admin_user, "delete", f"/api/commitments/{commitment.pk}/", None, "json"),
        (batu_officer, "post", "/api/agreements/", {"mpp": mpp.pk, "title": "PKS Kota Batu",
                                                   "signed_on": "2023-02-01", "term_years": 5}, "json"),
        (batu_officer, "patch", f"/api/agreements/{agreement.pk}/", {"number": "180/1/2023"}, "json"),
        (batu_officer, "post", f"/api/agreements/{agreement.pk}/placements/",
         {"institution": institution.pk, "service_count": 3}, "json"),
        (batu_officer, "post", f"/api/agreements/{agreement.pk}/amendments/",
         {"dated": "2024-01-02", "note": "Tambah layanan"}, "json"),
        (batu_officer, "patch", f"/api/agreement-parties/{party.pk}/", {"signatory_name": "Kapolres"}, "json"),
        (admin_user, "post", f"/api/agreement-parties/{party.pk}/sign-off/", {}, "json"),
        (second_admin, "post", f"/api/agreement-parties/{party.pk}/revoke/", {"reason": "Nama penanda tangan salah eja"}, "json"),
        (batu_officer, "post", "/api/readiness-checks/", {"mpp": mpp.pk, "criterion": criterion.key, "met": True},
         "json"),
        (admin_user, "post", f"/api/readiness-checks/{check.pk}/verify/", {}, "json"),
        (admin_user, "post", "/api/evaluations/import/",
         {"file": csv_file("e.csv", "region,year,category\n35.79,2024,Prima\n")}, "multipart"),
        (admin_user, "post", "/api/fiscal-capacities/import/",
         {"file": csv_file("f.csv", "region,class\n35.79,tinggi\n"), "year": 2024, "regulation": "PMK 65/2024"},
         "multipart"),
        (batu_officer, "post", "/api/mpps/", {"region": "35.79", "name": "MPP Kedua Batu"}, "json"),
        (batu_officer, "patch", f"/api/mpps/{mpp.pk}/", {"version": mpp.version, "address": "Jl. Panglima Sudirman"},
         "json"),
        (batu_officer, "post", f"/api/mpp-quality/{mpp.pk}/oss/", {"oss_integrated": True, "oss_integrated_on": "2024-01-02"},
         "json"),
        (batu_officer, "post", f"/api/mpp-quality/{mpp.pk}/digital-status/",
         {"digital_status": "onboarding", "digital_since": "2024-02-01"}, "json"),
        (batu_officer, "post", f"/api/mpps/{mpp.pk}/status/", {"status": "suspended", "note": "Renovasi gedung"},
         "json"),
        (admin_user, "post", "/api/assistance/", {"region": "35.73", "date": "2025-04-01", "form": "daring",
                                                  "areas": ["ti"], "findings": "Antrean daring belum ada"}, "json"),
        (admin_user, "patch", f"/api/assistance/{assistance.pk}/", {"findings": "Perbup terbit"}, "json"),
        (admin_user, "post", "/api/follow-ups/", {"assistance": assistance.pk, "description": "Uji coba antrean",
                                                  "owner_kind": "daerah", "due_on": "2025-06-01"}, "json"),
        (admin_user, "post", f"/api/follow-ups/{follow_up.pk}/close/", {"state": "selesai"}, "json"),
    ]


def test_every_api_write_of_an_audited_model_leaves_one_record_per_record_written(
    admin_user, second_admin, batu_officer
):
    for user, method, url, body, fmt in api_writes(admin_user, second_admin, batu_officer):
        last = ChangeRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

        response = getattr(api_for(user), method)(url, body, format=fmt)

        assert response.status_code < 300, (url, response.status_code, response.content[:500])
        written = Counter(ChangeRecord.objects.filter(pk__gt=last).values_list("content_type__model", "object_id"))
        assert written, f"{method.upper()} {url} left no change record"
        assert set(written.values()) == {1}, f"{method.upper()} {url}: {written}"
        assert all(r.user_name for r in ChangeRecord.objects.filter(pk__gt=last)), url
