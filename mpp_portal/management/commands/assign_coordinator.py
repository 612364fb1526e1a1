from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mpp_portal.accounts import coordinator_provinces_set


class Command(BaseCommand):
    help = "Menetapkan pengguna sebagai koordinator provinsi (Biro Organisasi) untuk satu atau lebih provinsi."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("province_codes", nargs="+", help="mis. 35")

    def handle(self, *args, username, province_codes, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Pengguna {username!r} tidak ditemukan.")
        try:
            codes = coordinator_provinces_set(user=user, province_codes=province_codes)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"{username} kini koordinator provinsi untuk: {', '.join(codes)}")
