from django.urls import path

from . import views

app_name = "mou"
urlpatterns = [
    path("nota-kesepahaman/", views.AgreementListView.as_view(), name="list"),
    path("nota-kesepahaman/pks/baru/", views.pks_create, name="pks-create"),
    path("nota-kesepahaman/pengesahan/", views.sign_off_queue, name="sign-off-queue"),
    path("nota-kesepahaman/cakupan/", views.coverage, name="coverage"),
    path("nota-kesepahaman/cakupan/<int:pk>/", views.coverage_gaps, name="coverage-gaps"),
    path("nota-kesepahaman/<int:pk>/", views.agreement_detail, name="detail"),
    path("nota-kesepahaman/<int:pk>/dokumen/", views.agreement_document, name="document"),
    path("nota-kesepahaman/<int:pk>/adendum/<int:amendment_pk>/dokumen/", views.amendment_document,
         name="amendment-document"),
    path("nota-kesepahaman/<int:pk>/ubah/", views.agreement_edit, name="edit"),
    path("nota-kesepahaman/<int:pk>/instansi/", views.placement_add, name="placement-add"),
    path("nota-kesepahaman/<int:pk>/adendum/", views.amendment_add, name="amendment-add"),
    path("nota-kesepahaman/pihak/<int:pk>/ubah/", views.party_edit, name="party-edit"),
    path("nota-kesepahaman/pihak/<int:pk>/sahkan/", views.party_sign_off, name="party-sign-off"),
    path("nota-kesepahaman/pihak/<int:pk>/cabut/", views.party_revoke, name="party-revoke"),
]
