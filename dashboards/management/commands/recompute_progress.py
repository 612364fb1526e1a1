from django.core.management.base import BaseCommand

from dashboards.services import progress_recompute


class Command(BaseCommand):
    help = "Menghitung ulang snapshot kemajuan (nasional dan per provinsi) sekarang, tanpa Celery."

    def handle(self, *args, **options):
        run = progress_recompute(trigger="command")
        self.stdout.write(f"recompute_progress: proses #{run.pk}, {run.snapshot_count} snapshot, {run.duration_ms} ms.")
