from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mpp_portal.access import Role
from mpp_portal.accounts import coordinator_provinces_set, demo_user_ensure, officer_regions_set
from mpp_portal.loaders import app_modules

DEMO_USERS = [
    ("demo-admin", Role.ADMIN, "Admin Contoh", []),
    ("demo-staf", Role.STAFF, "Staf Contoh", []),
    ("demo-verifikator", Role.VERIFIER, "Verifikator Contoh", []),
    ("demo-petugas-batu", Role.OFFICER, "Petugas Batu", ["35.79"]),
    ("demo-petugas-malang", Role.OFFICER, "Petugas Malang", ["35.73"]),
    # The codes are the coordinator's provinces (an officer's are regions).
    ("demo-biro-jatim", Role.COORDINATOR, "Biro Organisasi Jawa Timur (contoh)", ["35"]),
]


class Command(BaseCommand):
    help = (
        "Mengisi data contoh (ditandai 'contoh') dan akun demo. Kata sandi dari DEMO_PASSWORD, "
        "atau dibuat dan dicetak sekali. Aman diulang."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Jalankan walau DEBUG mati.")
        parser.add_argument("--clear", action="store_true", help="Hapus data contoh saja, lalu berhenti.")

    def handle(self, *args, force=False, clear=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("load_demo menolak berjalan dengan DEBUG mati; tambahkan --force bila memang perlu.")
        if clear:
            with transaction.atomic():
                for module in reversed(app_modules("demo")):
                    module.clear(stdout=self.stdout)
            self.stdout.write("load_demo --clear: data contoh dihapus.")
            return
        with transaction.atomic():
            for username, role, full_name, codes in DEMO_USERS:
                user, generated = demo_user_ensure(
                    username=username, role=role, password=settings.DEMO_PASSWORD, full_name=full_name
                )
                if codes and role == Role.COORDINATOR:
                    coordinator_provinces_set(user=user, province_codes=codes)
                elif codes:
                    officer_regions_set(user=user, region_codes=codes)
                if generated:
                    self.stdout.write(f"  akun {username}: kata sandi {generated} (dicetak sekali ini saja)")
            for module in app_modules("demo"):
                module.load(stdout=self.stdout)
        self.stdout.write("load_demo: akun demo dan data contoh siap.")
