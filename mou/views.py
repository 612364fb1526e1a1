from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import ListView

from mpp_portal.access import can, is_admin, scope
from mpp_portal.uploads import document_response
from mpp_portal.views import require_admin, require_member
from regions.models import Mpp

from . import rules, selectors, services
from .filters import AgreementFilterSet
from .forms import AgreementForm, AmendmentForm, PartyForm, PksForm, PlacementForm
from .models import Agreement, AgreementParty, Institution
from .services import SignOffConflict


def _require_change(request, obj) -> None:
    """Refuse before reading a form, so a visitor who may not change the record gets 403, not its errors."""
    if not can(request.user, obj, action="change"):
        raise PermissionDenied


def _attach(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field where the form has that field."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


class AgreementListView(ListView):
    template_name = "mou/agreement_list.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        require_member(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        queryset = selectors.agreement_list(user=self.request.user)
        self.filterset = AgreementFilterSet(self.request.GET or None, queryset=queryset)
        return self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        user = self.request.user
        context.update(
            filterset=self.filterset,
            querystring=query.urlencode(),
            institutions=Institution.objects.all(),
            expiring=selectors.agreements_expiring(user=user) if is_admin(user) else None,
            expiring_days=selectors.EXPIRING_WITHIN_DAYS,
            may_record_pks=scope(user, Mpp.objects.all(), action="change").exists(),
        )
        return context


def _agreement_or_404(request, pk: int) -> Agreement:
    agreement = selectors.agreement_get(user=request.user, pk=pk)
    if agreement is None:
        raise Http404
    return agreement


def _render_detail(request, agreement: Agreement, *, placement_form=None, amendment_form=None, status=200):
    may_change = can(request.user, agreement, action="change")
    context = {
        "agreement": agreement,
        "may_change": may_change,
        "may_sign_off": is_admin(request.user),
        # The sign-off rules with the parties this user ever edited looked up once for the whole page.
        "signer": rules.Signer.for_parties(user=request.user, parties=agreement.parties.all()),
        "placement_form": placement_form or PlacementForm(),
        "amendment_form": amendment_form or AmendmentForm(),
        "history": selectors.agreement_history(agreement=agreement)[:100],
    }
    return render(request, "mou/agreement_detail.html", context, status=status)


@require_safe
def agreement_document(request, pk: int):
    """An agreement's document, only for members who may see the agreement, always as a download."""
    require_member(request)
    agreement = _agreement_or_404(request, pk)
    if not agreement.document:
        raise Http404
    return document_response(agreement.document, download_stem=f"perjanjian-{agreement.pk}")


@require_safe
def amendment_document(request, pk: int, amendment_pk: int):
    require_member(request)
    amendment = get_object_or_404(_agreement_or_404(request, pk).amendments.all(), pk=amendment_pk)
    if not amendment.document:
        raise Http404
    return document_response(amendment.document, download_stem=f"adendum-{pk}-{amendment.pk}")


@require_safe
def agreement_detail(request, pk: int):
    require_member(request)
    return _render_detail(request, _agreement_or_404(request, pk))


def pks_create(request):
    require_member(request)
    mpps = scope(request.user, Mpp.objects.select_related("region"), action="change")
    if not mpps.exists():
        raise PermissionDenied
    form = PksForm(request.POST or None, request.FILES or None, mpps=mpps)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_pks_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, _("PKS tercatat. Tambahkan instansi dan layanan yang ditempatkan."))
            return redirect("mou:detail", pk=agreement.pk)
    return render(request, "mou/pks_form.html", {"form": form}, status=400 if form.errors else 200)


def agreement_edit(request, pk: int):
    require_member(request)
    agreement = _agreement_or_404(request, pk)
    if not can(request.user, agreement, action="change"):
        raise PermissionDenied
    initial = {name: getattr(agreement, name) for name in AgreementForm.base_fields if name != "document"}
    form = AgreementForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(user=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, _("Perjanjian diperbarui."))
            return redirect("mou:detail", pk=agreement.pk)
    context = {"form": form, "agreement": agreement}
    return render(request, "mou/agreement_form.html", context, status=400 if form.errors else 200)


@require_POST
def placement_add(request, pk: int):
    require_member(request)
    agreement = _agreement_or_404(request, pk)
    _require_change(request, agreement)
    form = PlacementForm(request.POST)
    if form.is_valid():
        try:
            services.pks_institution_add(user=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, _("Instansi dan layanannya tercatat; menunggu pengesahan admin."))
            return redirect("mou:detail", pk=agreement.pk)
    return _render_detail(request, agreement, placement_form=form, status=400)


@require_POST
def amendment_add(request, pk: int):
    require_member(request)
    agreement = _agreement_or_404(request, pk)
    _require_change(request, agreement)
    form = AmendmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.amendment_create(user=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        else:
            messages.success(request, _("Adendum tercatat."))
            return redirect("mou:detail", pk=agreement.pk)
    return _render_detail(request, agreement, amendment_form=form, status=400)


def _party_or_404(request, pk: int) -> AgreementParty:
    return get_object_or_404(
        scope(request.user, AgreementParty.objects.select_related("agreement", "institution")), pk=pk
    )


def party_edit(request, pk: int):
    require_member(request)
    party = _party_or_404(request, pk)
    if not can(request.user, party, action="change"):
        raise PermissionDenied
    initial = {"signatory_title": party.signatory_title, "signatory_name": party.signatory_name,
               "signed_on": party.signed_on}
    form = PartyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_party_update(user=request.user, party=party, **form.cleaned_data)
        except ValidationError as error:
            _attach(form, error)
        except SignOffConflict as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Rekaman pihak diperbarui; pengesahan oleh admin lain diperlukan."))
            return redirect("mou:detail", pk=party.agreement_id)
    return render(request, "mou/party_form.html", {"form": form, "party": party}, status=400 if form.errors else 200)


def _back(request, party: AgreementParty):
    if request.POST.get("next") == "queue":
        return redirect("mou:sign-off-queue")
    return redirect("mou:detail", pk=party.agreement_id)


def party_sign_off(request, pk: int):
    """GET: what is being approved (the party's current fields and its changes since the last sign-off);
    POST with the confirmation ticked: the sign-off."""
    require_member(request)
    party = _party_or_404(request, pk)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if not is_admin(request.user):
        raise PermissionDenied(_("Hanya admin yang dapat mengesahkan rekaman pihak perjanjian."))
    error = None
    if request.method == "POST":
        # Without the tick, a sign-off this admin may make is asked again; one they may not make is refused
        # by the service as ever (four-eyes 403, already signed off).
        if request.POST.get("confirm") != "1" and rules.may_sign_off(user=request.user, party=party):
            error = _("Centang pernyataan bahwa Anda telah memeriksa rekaman ini sebelum mengesahkan.")
        else:
            try:
                services.agreement_party_sign_off(user=request.user, party=party)
            except (SignOffConflict, ValidationError) as failure:
                messages.error(request, " ".join(getattr(failure, "messages", [str(failure)])))
            else:
                messages.success(request, _("%(party)s disahkan.") % {"party": party.name})
            return _back(request, party)
    context = {
        "party": party,
        "records": selectors.party_changes_since_sign_off(party=party),
        "may_sign_off": rules.may_sign_off(user=request.user, party=party),
        "own_edit": rules.is_own_edit(user=request.user, party=party),
        "next": request.GET.get("next") or request.POST.get("next") or "",
        "error": error,
    }
    return render(request, "mou/party_sign_off.html", context, status=400 if error else 200)


@require_POST
def party_revoke(request, pk: int):
    require_member(request)
    party = _party_or_404(request, pk)
    try:
        services.agreement_party_revoke(user=request.user, party=party, reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except SignOffConflict as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Pengesahan %(party)s dicabut.") % {"party": party.name})
    return _back(request, party)


@require_safe
def sign_off_queue(request):
    require_admin(request)
    return render(request, "mou/sign_off_queue.html", {"parties": selectors.sign_off_queue(user=request.user)})


@require_safe
def coverage(request):
    require_member(request)
    return render(request, "mou/coverage.html", {"coverage": selectors.mou_coverage(user=request.user)})


@require_safe
def coverage_gaps(request, pk: int):
    require_member(request)
    institution = get_object_or_404(selectors.national_parties(user=request.user), pk=pk)
    mpps = selectors.operating_mpps_without(user=request.user, institution=institution)
    return render(request, "mou/coverage_gaps.html", {"institution": institution, "mpps": mpps})
