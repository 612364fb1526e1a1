from django.core.management.base import BaseCommand

from opendata.services import release_publish


class Command(BaseCommand):
    help = "Terbitkan rilis data terbuka bila data publik berubah sejak rilis terakhir."

    def handle(self, *args, **options):
        release = release_publish()
        if release is None:
            self.stdout.write("Tidak ada perubahan; tidak ada rilis baru.")
        else:
            self.stdout.write(f"Rilis {release.tag} diterbitkan:\n{release.changelog}")
