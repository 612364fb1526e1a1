"""News between apps about demo records ("contoh"), so the lower apps never import the upper ones.

``demo_mpps_replacing`` is sent by ``regions.services.region_demo_mpps_replace`` inside the recorded write's
transaction, just before the region's demo MPPs are removed, with ``mpp_ids``: apps that hang demo records
on those MPPs (the demo PKS of ``mou``) remove them in the same transaction, connected in their ``ready()``.
"""
from django.dispatch import Signal

demo_mpps_replacing = Signal()
