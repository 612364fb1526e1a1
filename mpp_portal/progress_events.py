"""News between apps about progress, so lower apps never import upper ones (DESIGN §5).

``progress_recomputed`` is sent by ``dashboards.services.progress_recompute`` once a run's snapshots are
committed (keyword ``run_id``); the open data app listens to publish a release when public figures changed.
"""
from django.dispatch import Signal

progress_recomputed = Signal()
