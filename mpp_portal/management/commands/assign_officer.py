from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mpp_portal.accounts import officer_regions_set


class Command(BaseCommand):
    help = "Menetapkan pengguna sebagai petugas daerah untuk satu atau lebih kabupaten/kota (kode Kemendagri)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("region_codes", nargs="+", help="mis. 35.79 35.73")

    def handle(self, *args, username, region_codes, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Pengguna {username!r} tidak ditemukan.")
        try:
            codes = officer_regions_set(user=user, region_codes=region_codes)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"{username} kini petugas untuk: {', '.join(codes)}")
