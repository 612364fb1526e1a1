from django.core.management.base import BaseCommand
from django.db import transaction

from mpp_portal.loaders import app_modules


class Command(BaseCommand):
    help = "Memuat fakta publik program MPP yang tercatat (peristiwa, peresmian, nota kesepahaman) beserta sumbernya."

    def handle(self, *args, **options):
        with transaction.atomic():
            modules = app_modules("history")
            for module in modules:
                module.load(stdout=self.stdout)
        self.stdout.write(f"load_history: {len(modules)} bagian dimuat.")
