"""News between apps. The apps that own the data announce; the apps that react subscribe in their
``AppConfig.ready()``. So the lower apps (regions, commitments, mou, quality) never import the upper ones.

``progress_changed``: "progress may have changed" — sent once the writer's transaction commits (never for
a write that rolls back, e.g. a dry-run import). Dashboards subscribes and queues the coalesced recompute;
a queued or running recompute is what makes the dashboards say their snapshot is stale.
"""
from django.db import transaction
from django.dispatch import Signal

# Sent with ``sender`` = the announcing app's label and ``reason`` = a short word for the run record.
progress_changed = Signal()


class _Announcement:
    def __init__(self, sender: str, reason: str):
        self.sender, self.reason = sender, reason

    def __call__(self):
        # Robust: the write has committed, a failing receiver must not turn it into an error.
        progress_changed.send_robust(sender=self.sender, reason=self.reason)


def progress_changed_announce(*, sender: str, reason: str = "change") -> None:
    """Announce, after the current transaction commits, that progress may have changed. An import of
    thousands of rows announces once: a pending announcement of the same transaction is not repeated (it
    commits or rolls back with this write, since every savepoint still open encloses this call)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for _savepoints, pending, *_rest in connection.run_on_commit:
            if isinstance(pending, _Announcement) and (pending.sender, pending.reason) == (sender, reason):
                return
    transaction.on_commit(_Announcement(sender, reason))


# ``progress_recomputed``: sent by dashboards once a recompute's snapshots are committed, with ``run_id``; the
# open data subscribes to publish a release when the public figures changed.
progress_recomputed = Signal()
