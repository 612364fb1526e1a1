"""Two admins pressing "Sahkan" at the same moment yield one sign-off (row locks on PostgreSQL).

On PostgreSQL a trigger slows each write to a party record, so both admins read the record before either
commits unless the service locks it first. SQLite runs write transactions one at a time anyway."""
import io
import threading

import pytest
from django.db import connection

from mou import history, services
from mou.models import Agreement, AgreementParty
from mou.services import SignOffConflict
from mpp_portal.models import ChangeRecord


@pytest.fixture
def slow_party_writes(transactional_db):
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION mou_test_slow_write() RETURNS trigger AS $$ "
            "BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER mou_test_slow_write BEFORE UPDATE ON mou_agreementparty "
            "FOR EACH ROW EXECUTE FUNCTION mou_test_slow_write()"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS mou_test_slow_write ON mou_agreementparty")
        cursor.execute("DROP FUNCTION IF EXISTS mou_test_slow_write()")


@pytest.mark.django_db(transaction=True)
def test_two_admins_signing_off_at_once_record_exactly_one_sign_off(
    registry, admin_user, second_admin, slow_party_writes
):
    history.load(stdout=io.StringIO())
    party = AgreementParty.objects.get(agreement__kind=Agreement.Kind.NATIONAL, institution__short_name="Polri")
    start = threading.Barrier(2)
    outcomes = []

    def sign_off(user):
        try:
            start.wait(timeout=10)
            services.agreement_party_sign_off(user=user, party=AgreementParty.objects.get(pk=party.pk))
            outcomes.append(("signed", user.username))
        except SignOffConflict:
            outcomes.append(("refused", user.username))
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_off, args=(user,)) for user in (admin_user, second_admin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(kind for kind, _user in outcomes) == ["refused", "signed"]
    winner = next(user for kind, user in outcomes if kind == "signed")
    party.refresh_from_db()
    assert party.signed_off_by.username == winner
    assert ChangeRecord.objects.filter(action="sign_off", object_id=str(party.pk)).count() == 1
