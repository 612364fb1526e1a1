"""Admins signing off at the same moment: one sign-off per record, and the agreement's status sees every
sign-off (row locks on the agreement, then the party, on PostgreSQL)."""
import contextlib
import io
import threading

import pytest
from django.db import connection

from mou import history, services
from mou.models import Agreement, AgreementParty
from mou.services import SignOffConflict
from mpp_portal.models import ChangeRecord


@contextlib.contextmanager
def slow_commits():
    """On PostgreSQL, a transaction that wrote a change record waits half a second at commit, after all its
    reads: without locks, each admin's request reads before the other's sign-off is committed.
    SQLite runs write transactions one at a time."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION mou_test_slow_write() RETURNS trigger AS $$ "
            "BEGIN PERFORM pg_sleep(0.5); RETURN NULL; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE CONSTRAINT TRIGGER mou_test_slow_write AFTER INSERT ON mpp_portal_changerecord "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION mou_test_slow_write()"
        )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS mou_test_slow_write ON mpp_portal_changerecord")
            cursor.execute("DROP FUNCTION IF EXISTS mou_test_slow_write()")


def _at_once(calls):
    """Run each call in its own thread and database connection, released together."""
    start = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            start.wait(timeout=10)
            outcomes.append(call())
        except SignOffConflict:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_admins_signing_off_at_once_record_exactly_one_sign_off(
    registry, admin_user, second_admin
):
    history.load(stdout=io.StringIO())
    party = AgreementParty.objects.get(agreement__kind=Agreement.Kind.NATIONAL, institution__short_name="Polri")

    def sign_off(user):
        services.agreement_party_sign_off(user=user, party=AgreementParty.objects.get(pk=party.pk))
        return user.username

    with slow_commits():
        outcomes = _at_once([lambda: sign_off(admin_user), lambda: sign_off(second_admin)])

    assert len(outcomes) == 2 and outcomes.count("refused") == 1
    winner = next(outcome for outcome in outcomes if outcome != "refused")
    party.refresh_from_db()
    assert party.signed_off_by.username == winner
    assert ChangeRecord.objects.filter(action="sign_off", object_id=str(party.pk)).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_last_two_sign_offs_at_once_put_the_agreement_in_force(
    registry, admin_user, second_admin
):
    history.load(stdout=io.StringIO())
    agreement = Agreement.objects.get(kind=Agreement.Kind.NATIONAL)
    *first, last_a, last_b = agreement.parties.all()
    for party in first:
        services.agreement_party_sign_off(user=admin_user, party=party)

    with slow_commits():
        outcomes = _at_once([
            lambda: services.agreement_party_sign_off(user=admin_user, party=last_a),
            lambda: services.agreement_party_sign_off(user=second_admin, party=last_b),
        ])

    assert "refused" not in outcomes and len(outcomes) == 2
    agreement.refresh_from_db()
    assert not agreement.parties.filter(signed_off_at__isnull=True).exists()
    assert agreement.status == Agreement.Status.IN_FORCE
