"""The Indonesian texts load_history stores from mou/data/national_mou.json (via mou/history.py) that have an
English form: the agreement's title, the parties' institution names and signatory titles, and the clause
summaries. Marked for translation (context "seeded content", see mpp_portal/seeded.py) so the MoU pages can show
them in English; tests/mpp_portal/test_catalogue_complete.py checks this list covers the data file."""
from django.utils.translation import pgettext_lazy

TITLES = [
    pgettext_lazy("seeded content", "Nota Kesepahaman tentang Kerja Sama Penyelenggaraan Pelayanan Publik pada Mal Pelayanan Publik"),
]

INSTITUTION_NAMES = [
    pgettext_lazy("seeded content", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
    pgettext_lazy("seeded content", "Kementerian Dalam Negeri"),
    pgettext_lazy("seeded content", "Mahkamah Agung Republik Indonesia"),
    pgettext_lazy("seeded content", "Kementerian Keuangan"),
    pgettext_lazy("seeded content", "Kementerian Hukum dan Hak Asasi Manusia"),
    pgettext_lazy("seeded content", "Kementerian Agama"),
    pgettext_lazy("seeded content", "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional"),
    pgettext_lazy("seeded content", "Kejaksaan Agung Republik Indonesia"),
    pgettext_lazy("seeded content", "Kepolisian Negara Republik Indonesia"),
    pgettext_lazy("seeded content", "Badan Narkotika Nasional"),
    pgettext_lazy("seeded content", "Badan Pengawas Obat dan Makanan"),
    pgettext_lazy("seeded content", "Badan Pelindungan Pekerja Migran Indonesia"),
    pgettext_lazy("seeded content", "Perpustakaan Nasional Republik Indonesia"),
    pgettext_lazy("seeded content", "Badan Penyelenggara Jaminan Sosial Kesehatan"),
    pgettext_lazy("seeded content", "Badan Penyelenggara Jaminan Sosial Ketenagakerjaan"),
]

SIGNATORY_TITLES = [
    pgettext_lazy("seeded content", "Menteri PANRB ad interim"),
    pgettext_lazy("seeded content", "Menteri Dalam Negeri"),
    pgettext_lazy("seeded content", "Sekretaris Mahkamah Agung"),
    pgettext_lazy("seeded content", "Menteri Keuangan"),
    pgettext_lazy("seeded content", "Menteri Hukum dan Hak Asasi Manusia"),
    pgettext_lazy("seeded content", "Menteri Agama"),
    pgettext_lazy("seeded content", "Menteri Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional"),
    pgettext_lazy("seeded content", "Jaksa Agung RI"),
    pgettext_lazy("seeded content", "Kepala Kepolisian Negara RI"),
    pgettext_lazy("seeded content", "Kepala Badan Narkotika Nasional"),
    pgettext_lazy("seeded content", "Kepala Badan Pengawas Obat dan Makanan"),
    pgettext_lazy("seeded content", "Kepala Badan Pelindungan Pekerja Migran Indonesia"),
    pgettext_lazy("seeded content", "Kepala Perpustakaan Nasional RI"),
    pgettext_lazy("seeded content", "Direktur Utama BPJS Kesehatan"),
    pgettext_lazy("seeded content", "Direktur Utama BPJS Ketenagakerjaan"),
    pgettext_lazy("seeded content", "Direktur Utama PT Taspen"),
    pgettext_lazy("seeded content", "Direktur Utama PT PLN"),
]

CLAUSE_SUMMARIES = [
    pgettext_lazy(
        "seeded content",
        "Landasan kerja sama penyelenggaraan pelayanan pada MPP di kabupaten/kota dan memudahkan koordinasi "
        "penyelenggaraan pelayanan MPP.",
    ),
    pgettext_lazy(
        "seeded content",
        "Kebijakan, pemantauan dan evaluasi; pembinaan dan pengawasan; sarana prasarana, sumber daya manusia "
        "dan anggaran; pertukaran data dan informasi.",
    ),
    pgettext_lazy(
        "seeded content",
        "Instansi yang tergabung dalam MPP mengintegrasikan proses bisnis layanan dengan instansi lain dan "
        "berkomitmen terus menyelenggarakan pelayanan di MPP.",
    ),
    pgettext_lazy(
        "seeded content",
        "Kepala DPMPTSP, sebagai pengelola MPP, membuat perjanjian kerja sama (PKS) dengan kantor instansi di"
        " daerah tentang layanan yang masuk MPP (ruang, hari layanan, petugas), diubah dengan adendum, "
        "misalnya Kota Cilegon, 6 Oktober 2023.",
    ),
]
