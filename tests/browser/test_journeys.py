"""Journeys through the portal in a real headless Chromium, as the people who use it would take them."""
import datetime
import re

import pytest
from django.urls import reverse

from dashboards.models import RecomputeRun
from dashboards.services import progress_recompute
from mou.history import load as load_national_mou
from mou.models import Agreement, AgreementParty
from mou.services import agreement_party_update
from regions.models import Mpp, Region
from regions.services import mpp_create, mpp_status_update
from tests.browser.conftest import log_in

pytestmark = pytest.mark.integration

# A one-page PDF, small but real: viewers open it and the upload check reads its signature.
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_the_batu_officer_reports_two_changes_and_sees_them_waiting_on_the_mpps_history(
    page, shot, batu_officer, tmp_path
):
    mpp = mpp_create(user=None, region=Region.objects.get(code="35.79"), name="MPP Among Warga", tenant_count=3)
    evidence = tmp_path / "berita-acara-komitmen.pdf"
    evidence.write_bytes(EVIDENCE_PDF)

    log_in(page, batu_officer)
    page.get_by_role("link", name="Wilayah saya").click()
    page.wait_for_url("**" + reverse("regions:mine"))
    shot(page, "journey1_01_wilayah_saya")
    page.get_by_role("link", name="MPP Among Warga").click()
    page.wait_for_url("**" + reverse("regions:mpp-detail", args=[mpp.pk]))

    page.get_by_role("link", name="Ubah data").click()
    page.get_by_label("Instansi/UPP").fill("14")
    page.get_by_label("Catatan perubahan").fill("Dua instansi vertikal bergabung")
    shot(page, "journey1_02_ubah_data")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**" + reverse("regions:mpp-detail", args=[mpp.pk]))

    page.get_by_role("link", name="Perbarui status").click()
    assert page.get_by_label(re.compile("^Tetap Direncanakan")).is_checked()  # starts on the current status
    page.get_by_label("Komitmen", exact=True).check()
    page.get_by_label("Catatan / alasan").fill("Komitmen ditandatangani Wali Kota Batu")
    page.get_by_label(re.compile("^Bukti")).set_input_files(str(evidence))
    shot(page, "journey1_03_perbarui_status")
    assert page.evaluate(ACCESSIBILITY_PROBLEMS) == []
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**" + reverse("regions:mpp-detail", args=[mpp.pk]))
    shot(page, "journey1_04_riwayat")

    timeline = page.locator("ol.timeline").inner_text()
    assert re.search(r"3 → 14", timeline), timeline
    assert "Dua instansi vertikal bergabung" in timeline
    assert "Direncanakan → Komitmen" in timeline
    assert "Komitmen ditandatangani Wali Kota Batu" in timeline
    reports = page.locator("section[aria-labelledby=reports-title]").inner_text()
    assert reports.count("Menunggu verifikasi") == 2, reports
    # The evidence opens inline in a browser's PDF viewer; fetch it with the officer's session instead.
    page.locator("section[aria-labelledby=reports-title] a").last.click()
    evidence_response = page.request.get(page.get_by_role("link", name="Unduh bukti").get_attribute("href"))
    assert evidence_response.ok and evidence_response.body() == EVIDENCE_PDF
    mpp.refresh_from_db()  # the verified record waits for the ministry's verification
    assert (mpp.tenant_count, mpp.status) == (3, Mpp.Status.PLANNED)


def _operating_count(page) -> int:
    value = page.locator(".tile").filter(has_text="MPP beroperasi").first.locator(".tile-value").inner_text()
    return int(re.match(r"[\d.]+", value).group().replace(".", ""))


def test_ministry_staff_see_the_national_count_go_up_after_the_recompute(page, shot, analyst, seeded_targets):
    batu = mpp_create(
        user=None, region=Region.objects.get(code="35.79"), name="MPP Among Warga",
        status=Mpp.Status.PREPARING, tenant_count=26, service_count=207,
    )
    progress_recompute()

    log_in(page, analyst)
    page.goto(reverse("dashboards:national"))
    shot(page, "journey2_01_dasbor_sebelum", full_page=False)
    before = _operating_count(page)
    assert page.locator(".freshness").filter(has_text="usang").count() == 0

    # The service queues a recompute on commit. A real worker in the full suite also drains messages other
    # tests left on the broker, so this journey runs the queued recompute itself, as the worker would.
    mpp_status_update(user=None, mpp=batu, status=Mpp.Status.OPERATING, inaugurated_on=datetime.date(2022, 12, 5))
    page.reload()
    shot(page, "journey2_02_dasbor_usang", full_page=False)
    assert _operating_count(page) == before
    assert "Snapshot ini sudah usang" in page.locator(".freshness").inner_text()

    queued = RecomputeRun.objects.get(state=RecomputeRun.State.QUEUED)
    assert progress_recompute().pk == queued.pk
    page.reload()
    shot(page, "journey2_03_dasbor_sesudah", full_page=False)
    assert _operating_count(page) == before + 1
    assert "usang" not in page.locator(".freshness").inner_text()


def test_an_admin_signs_off_a_party_another_admin_edited_but_not_one_they_edited_themselves(
    page, shot, admin_user, second_admin
):
    load_national_mou(stdout=open("/dev/null", "w"))
    parties = AgreementParty.objects.filter(agreement__kind=Agreement.Kind.NATIONAL)
    kemendagri = parties.get(institution__short_name="Kemendagri")
    kemenkeu = parties.get(institution__short_name="Kemenkeu")
    agreement_party_update(user=second_admin, party=kemendagri, signatory_name="Tito Karnavian")
    agreement_party_update(user=admin_user, party=kemenkeu, signatory_name="Sri Mulyani Indrawati")
    page.on("dialog", lambda dialog: dialog.accept())

    log_in(page, admin_user)
    page.goto(reverse("mou:sign-off-queue"))
    shot(page, "journey3_01_antrean")
    queue = page.locator("main table.data")
    assert queue.locator("tr").filter(has_text="Tito Karnavian").count() == 1
    assert queue.locator("tr").filter(has_text="Sri Mulyani Indrawati").count() == 0
    assert page.get_by_role("link", name=f"Periksa dan sahkan {kemenkeu.name}").count() == 0

    page.get_by_role("link", name=f"Periksa dan sahkan {kemendagri.name}").click()
    page.wait_for_load_state()
    shot(page, "journey3_02_periksa")
    review = page.locator("main").inner_text()
    assert "Tito Karnavian" in review and "Perubahan sejak pengesahan terakhir" in review
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name=f"Sahkan {kemendagri.name}").click()
    page.wait_for_load_state()
    shot(page, "journey3_03_disahkan")
    assert f"{kemendagri.name} disahkan." in page.locator("main").inner_text()
    assert page.get_by_role("link", name=f"Periksa dan sahkan {kemendagri.name}").count() == 0

    page.goto(reverse("mou:detail", args=[kemendagri.agreement_id]))
    shot(page, "journey3_04_perjanjian")
    kemendagri_row = page.locator("tr").filter(has_text=kemendagri.name)
    kemenkeu_row = page.locator("tr").filter(has_text=kemenkeu.name)
    assert "Disahkan" in kemendagri_row.inner_text()
    assert kemenkeu_row.get_by_role("link", name=re.compile("^Periksa dan sahkan")).count() == 0
    assert "Anda pernah mengubah rekaman ini" in kemenkeu_row.inner_text()
    kemendagri.refresh_from_db()
    kemenkeu.refresh_from_db()
    assert (kemendagri.signed_off_by, kemenkeu.signed_off_by) == (admin_user, None)


# What a screen reader and a phone need of every page, found in the rendered DOM.
ACCESSIBILITY_PROBLEMS = """() => {
  const problems = [];
  const named = (el) => (el.getAttribute("aria-label") || "").trim()
    || (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
         .map((id) => (document.getElementById(id)?.textContent || "").trim()).join("")
    || (el.querySelector(":scope > title")?.textContent || "").trim();
  const hidden = (el) => el.closest("[aria-hidden=true]") !== null;
  for (const img of document.querySelectorAll("img")) {
    if (!hidden(img) && !img.hasAttribute("alt") && !named(img)) problems.push("img without alt: " + img.src);
  }
  for (const svg of document.querySelectorAll("svg[role=img]")) {
    if (!named(svg)) problems.push("svg role=img without a name: " + svg.outerHTML.slice(0, 80));
  }
  const fields = document.querySelectorAll(
    "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]), select, textarea");
  for (const field of fields) {
    const labelled = (field.id && document.querySelector(`label[for="${CSS.escape(field.id)}"]`))
      || field.closest("label") || named(field) || (field.getAttribute("title") || "").trim();
    if (!labelled) problems.push("field without a label: " + field.outerHTML.slice(0, 80));
  }
  for (const el of document.querySelectorAll("[aria-describedby], [aria-labelledby]")) {
    for (const attr of ["aria-describedby", "aria-labelledby"]) {
      for (const id of (el.getAttribute(attr) || "").split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) problems.push(`${attr} points at a missing #${id}`);
      }
    }
  }
  const headings = document.querySelectorAll("h1").length;
  if (headings !== 1) problems.push(`${headings} h1 elements`);
  const width = document.documentElement.scrollWidth;
  if (width > window.innerWidth + 1) problems.push(`page scrolls sideways: ${width}px wide`);
  return problems;
}"""


def test_the_dashboard_region_list_and_mpp_page_are_accessible_on_a_375px_phone(
    page, shot, analyst, seeded_targets
):
    batu = mpp_create(
        user=None, region=Region.objects.get(code="35.79"), name="MPP Among Warga",
        status=Mpp.Status.OPERATING, inaugurated_on=datetime.date(2022, 12, 5), tenant_count=26, service_count=207,
    )
    progress_recompute()
    page.set_viewport_size({"width": 375, "height": 812})

    log_in(page, analyst)
    problems = {}
    for name, url in [
        ("dasbor", reverse("dashboards:national")),
        ("wilayah", reverse("regions:list")),
        ("mpp", reverse("regions:mpp-detail", args=[batu.pk])),
    ]:
        page.goto(url)
        shot(page, f"journey4_{name}_375px", full_page=False)
        problems[name] = page.evaluate(ACCESSIBILITY_PROBLEMS)
        if name == "dasbor":
            assert _operating_count(page) >= 1  # the smoke ran over the real tiles and chart
    assert problems == {"dasbor": [], "wilayah": [], "mpp": []}


def test_the_malang_officer_reports_an_inauguration_the_verifier_verifies_it_and_the_dashboard_counts_it(
    chromium, live_server, page, shot, malang_officer, verifier, seeded_targets, tmp_path
):
    mpp = mpp_create(user=None, region=Region.objects.get(code="35.73"), name="MPP Kota Malang",
                     status=Mpp.Status.PREPARING, tenant_count=18, service_count=120)
    progress_recompute()
    evidence = tmp_path / "berita-acara-peresmian.pdf"
    evidence.write_bytes(EVIDENCE_PDF)

    # The officer, on a 375px phone: lands on Wilayah saya, reports the inauguration with its evidence.
    page.set_viewport_size({"width": 375, "height": 812})
    log_in(page, malang_officer)
    assert page.url.endswith(reverse("regions:mine"))
    assert page.evaluate(ACCESSIBILITY_PROBLEMS) == []
    shot(page, "journey5_01_wilayah_saya_375px")
    page.get_by_role("link", name="Perbarui status").click()
    page.get_by_label(re.compile("^Beroperasi — perlu")).check()
    page.get_by_role("textbox", name="Tanggal peresmian").fill("2025-06-10")
    page.get_by_label("Catatan / alasan").fill("Diresmikan Wali Kota Malang")
    page.get_by_label(re.compile("^Bukti")).set_input_files(str(evidence))
    assert page.evaluate(ACCESSIBILITY_PROBLEMS) == []
    shot(page, "journey5_02_lapor_peresmian_375px")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**" + reverse("regions:mpp-detail", args=[mpp.pk]))
    page.goto(reverse("regions:mine"))
    assert "menunggu verifikasi" in page.locator("main").inner_text()
    assert page.evaluate(ACCESSIBILITY_PROBLEMS) == []
    mpp.refresh_from_db()
    assert mpp.status == Mpp.Status.PREPARING

    # The verifier sees the figure without it, the report waiting, and verifies it.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID", base_url=live_server.url)
    context.set_default_timeout(10_000)
    desk = context.new_page()
    log_in(desk, verifier)
    desk.goto(reverse("dashboards:national"))
    before = _operating_count(desk)
    assert "+ 1 MPP beroperasi menunggu verifikasi" in desk.locator("main").inner_text()
    shot(desk, "journey5_03_dasbor_menunggu", full_page=False)
    desk.get_by_role("link", name="Verifikasi").first.click()
    desk.wait_for_url("**" + reverse("regions:report-queue"))
    shot(desk, "journey5_04_antrean")
    desk.locator("main table.data a").first.click()
    changes = desk.locator("section[aria-labelledby=changes-title]").inner_text()
    assert "Persiapan" in changes and "Beroperasi" in changes and "Unduh bukti" in changes
    shot(desk, "journey5_05_laporan")
    desk.get_by_label("Catatan / alasan").fill("Sesuai berita acara")
    desk.get_by_role("button", name="Verifikasi", exact=True).click()
    desk.wait_for_url("**" + reverse("regions:report-queue"))
    assert "Laporan diverifikasi" in desk.locator("main").inner_text()

    # The verification queued a recompute; run it as the worker would, then the figure moves.
    queued = RecomputeRun.objects.get(state=RecomputeRun.State.QUEUED)
    assert progress_recompute().pk == queued.pk
    desk.goto(reverse("dashboards:national"))
    shot(desk, "journey5_06_dasbor_sesudah", full_page=False)
    assert _operating_count(desk) == before + 1
    assert "menunggu verifikasi" not in desk.locator("main").inner_text()
    context.close()
    mpp.refresh_from_db()
    assert (mpp.status, mpp.inaugurated_on) == (Mpp.Status.OPERATING, datetime.date(2025, 6, 10))
