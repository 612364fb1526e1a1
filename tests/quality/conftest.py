import pytest

from regions.models import Mpp
from tests.factories import MppFactory


@pytest.fixture
def make_mpp(registry):
    """``make_mpp("35.79", "MPP Among Warga")``: an MPP from the shared factory."""

    def make(code: str, name: str | None = None, status: str = Mpp.Status.OPERATING, **fields) -> Mpp:
        return MppFactory(code=code, status=status, **({"name": name} if name else {}), **fields)

    return make
