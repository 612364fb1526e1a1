from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from regions.models import Province, Region


@login_not_required
def public_summary(request):
    context = {"province_count": Province.objects.count(), "region_count": Region.objects.count()}
    return render(request, "dashboards/public_summary.html", context)
