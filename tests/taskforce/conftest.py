import datetime

import pytest

from mpp_portal.access import Role
from mpp_portal.accounts import coordinator_provinces_set, demo_user_ensure, user_role_set
from regions.models import Region
from taskforce import services
from tests.conftest import PASSWORD

DAY = datetime.date(2025, 3, 10)


@pytest.fixture
def taskforce_member(registry):
    """A task force member from another agency, given the role by an admin."""
    user, _generated = demo_user_ensure(username="anggota-tim", role=Role.STAFF, password=PASSWORD,
                                        full_name="Anggota Tim")
    user_role_set(user=user, role=Role.TASKFORCE)
    return user


@pytest.fixture
def east_java_coordinator(registry):
    """The provincial coordinator (Biro Organisasi) of Jawa Timur (35)."""
    user, _generated = demo_user_ensure(username="koordinator-jatim", role=Role.STAFF, password=PASSWORD,
                                        full_name="Koordinator Jatim")
    coordinator_provinces_set(user=user, province_codes=["35"])
    user.email = "biro.organisasi@jatimprov.go.id"
    user.save()
    return user


@pytest.fixture
def log():
    """Log an assistance to ``code`` through the service."""

    def do(user, code="35.79", **overrides):
        values = {"date": DAY, "form": "kunjungan", "areas": ["kelembagaan", "anggaran"],
                  "findings": "Perangkat daerah pengelola belum ditetapkan.", **overrides}
        return services.assistance_create(user=user, region=Region.objects.get(code=code), **values)

    return do
