from django.http import Http404
from django.views.generic import DetailView, ListView

from mpp_portal.access import scope
from mpp_portal.audit import change_records_for
from mpp_portal.views import MemberRequiredMixin

from . import selectors
from .filters import RegionFilterSet
from .models import Mpp, Province


class RegionListView(MemberRequiredMixin, ListView):
    template_name = "regions/region_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = RegionFilterSet(
            self.request.GET or None, queryset=selectors.region_list(user=self.request.user)
        )
        return self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else self.filterset.queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filterset=self.filterset, provinces=Province.objects.all(), querystring=query.urlencode())
        return context


class RegionDetailView(MemberRequiredMixin, DetailView):
    template_name = "regions/region_detail.html"
    context_object_name = "region"

    def get_object(self, queryset=None):
        region = selectors.region_get(user=self.request.user, code=self.kwargs["code"])
        if region is None:
            raise Http404
        return region

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        context["mpps"] = scope(self.request.user, Mpp.objects.filter(region=region))
        context["history"] = change_records_for(region)[:50]
        return context
