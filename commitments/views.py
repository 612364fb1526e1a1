"""Pages for events (/peristiwa/): inauguration batches and commitment signings, and the spreadsheet import.

Everyone with a portal role reads; only admins create, edit and import (mpp_portal.access decides).
"""
import base64
import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from mpp_portal.audit import change_records_for
from mpp_portal.views import AdminRequiredMixin, MemberRequiredMixin

from . import selectors
from .forms import CommitmentForm, ImportForm, SigningEventForm
from .imports import import_run
from .models import Commitment, SigningEvent
from .services import (
    DuplicateCommitment,
    commitment_create,
    commitment_delete,
    commitment_update,
    signing_event_create,
    signing_event_update,
)

IMPORT_SESSION_KEY = "event_import"


EVENTS_PER_PAGE = 50


class EventListView(MemberRequiredMixin, TemplateView):
    template_name = "commitments/event_list.html"

    def get_context_data(self, **kwargs):
        kind = self.request.GET.get("kind", "")
        kind = kind if kind in ("inauguration", "signing") else ""
        keys = selectors.event_keys(user=self.request.user, kind=kind)
        page_obj = Paginator(keys, EVENTS_PER_PAGE).get_page(self.request.GET.get("page"))
        rows = selectors.event_rows(user=self.request.user, keys=page_obj.object_list)
        return super().get_context_data(
            rows=rows, kind=kind, page_obj=page_obj, querystring=urlencode({"kind": kind}) if kind else "", **kwargs
        )


class SigningEventDetailView(MemberRequiredMixin, TemplateView):
    template_name = "commitments/signing_event_detail.html"

    def get_context_data(self, **kwargs):
        event = selectors.signing_event_get(user=self.request.user, pk=self.kwargs["pk"])
        if event is None:
            raise Http404
        return super().get_context_data(
            event=event, commitments=selectors.event_commitments(user=self.request.user, event=event),
            history=change_records_for(event)[:50], **kwargs
        )


class SigningEventFormView(AdminRequiredMixin, View):
    template_name = "commitments/event_form.html"

    def get_event(self):
        return get_object_or_404(SigningEvent, pk=self.kwargs["pk"]) if "pk" in self.kwargs else None

    def get(self, request, **kwargs):
        return self.render(SigningEventForm(instance=self.get_event()))

    def post(self, request, **kwargs):
        event = self.get_event()
        form = SigningEventForm(request.POST, instance=event or SigningEvent())
        if not form.is_valid():
            return self.render(form)
        fields = {name: form.cleaned_data[name] for name in SigningEventForm.Meta.fields}
        if event is None:
            event = signing_event_create(user=request.user, **fields)
        else:
            signing_event_update(user=request.user, event=event, **fields)
        messages.success(request, _("Penandatanganan komitmen disimpan."))
        return redirect("events:signing", pk=event.pk)

    def render(self, form):
        title = _("Ubah penandatanganan komitmen") if form.instance.pk else _("Penandatanganan komitmen baru")
        return render(self.request, self.template_name, {"form": form, "title": title})


class CommitmentFormView(AdminRequiredMixin, View):
    template_name = "commitments/event_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = get_object_or_404(SigningEvent, pk=kwargs["event_pk"])
        self.commitment = (
            get_object_or_404(Commitment, pk=kwargs["pk"], event=self.event) if "pk" in kwargs else None
        )

    def get(self, request, **kwargs):
        return self.render(CommitmentForm(instance=self.commitment, event=self.event))

    def post(self, request, **kwargs):
        if self.commitment is not None and "delete" in request.POST:
            commitment_delete(user=request.user, commitment=self.commitment)
            messages.success(request, _("Komitmen dihapus."))
            return redirect("events:signing", pk=self.event.pk)
        form = CommitmentForm(request.POST, instance=self.commitment or Commitment(), event=self.event)
        if not form.is_valid():
            return self.render(form)
        fields = {k: form.cleaned_data[k] for k in CommitmentForm.Meta.fields if k != "region"}
        try:
            if self.commitment is None:
                commitment_create(user=request.user, event=self.event, region=form.cleaned_data["region"], **fields)
            else:
                commitment_update(user=request.user, commitment=self.commitment,
                                  region=form.cleaned_data["region"], **fields)
        except DuplicateCommitment as error:
            form.add_error("region", str(error))
            return self.render(form)
        messages.success(request, _("Komitmen disimpan."))
        return redirect("events:signing", pk=self.event.pk)

    def render(self, form):
        title = _("Komitmen pada %(event)s") % {"event": self.event}
        return render(self.request, self.template_name,
                      {"form": form, "title": title, "can_delete": self.commitment is not None})


class ImportView(AdminRequiredMixin, View):
    """Upload, preview (a dry run), confirm. The uploaded file waits in the session between the two steps."""

    template_name = "commitments/import.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ImportForm()})

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        upload = form.cleaned_data["file"]
        pending = {
            "kind": form.cleaned_data["kind"], "filename": upload.name,
            "content": base64.b64encode(upload.read()).decode("ascii"),
            "event_date": form.cleaned_data["event_date"].isoformat() if form.cleaned_data["event_date"] else "",
            "officiated_by": form.cleaned_data["officiated_by"], "place": form.cleaned_data["place"],
            "counterpart": form.cleaned_data["counterpart"], "source": form.cleaned_data["source"],
        }
        report = self.run(pending, dry_run=True)
        if report.ok:
            request.session[IMPORT_SESSION_KEY] = pending
        return render(request, self.template_name, {"form": form, "report": report, "pending": pending})

    def confirm(self, request):
        pending = request.session.pop(IMPORT_SESSION_KEY, None)
        if pending is None:
            messages.error(request, _("Tidak ada impor yang menunggu konfirmasi; unggah berkasnya lagi."))
            return redirect("events:import")
        report = self.run(pending, dry_run=False)
        if not report.ok:
            return render(request, self.template_name, {"form": ImportForm(), "report": report})
        messages.success(request, _("Impor selesai: %(summary)s.") % {"summary": report.summary()})
        return redirect(reverse("events:list"))

    def run(self, pending: dict, *, dry_run: bool):
        return import_run(
            kind=pending["kind"], user=self.request.user, content=base64.b64decode(pending["content"]),
            filename=pending["filename"],
            event_date=datetime.date.fromisoformat(pending["event_date"]) if pending["event_date"] else None,
            officiated_by=pending["officiated_by"], place=pending["place"], counterpart=pending["counterpart"],
            source=pending.get("source", ""), dry_run=dry_run,
        )
