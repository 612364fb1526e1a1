"""API tokens: issue, authenticate, revoke. One token per user; the key is returned once and stored as a digest."""
import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import ApiToken

KEYWORD = "Token"


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def password_fingerprint(user) -> str:
    """Changes whenever the password (its salted hash) changes, so a new password retires every earlier token.
    Not keyed by SECRET_KEY: every process (web, worker, a test's server) must agree on it."""
    return hashlib.sha256((user.password or "").encode()).hexdigest()


@transaction.atomic
def api_token_issue(*, user) -> str:
    """Replace the user's token with a new one and return its key (never retrievable afterwards)."""
    ApiToken.objects.filter(user=user).delete()
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user, digest=_digest(key), prefix=key[:8], password_fingerprint=password_fingerprint(user),
        expires_at=timezone.now() + datetime.timedelta(hours=settings.API_TOKEN_LIFETIME_HOURS),
    )
    return key


def api_tokens_revoke(*, user) -> int:
    return ApiToken.objects.filter(user=user).delete()[0]


class ExpiringTokenAuthentication(BaseAuthentication):
    """``Authorization: Token <key>``: a token that exists, has not expired and predates no password change."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Header token tidak valid."))
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Header token tidak valid.")) from None
        token = ApiToken.objects.select_related("user").filter(digest=_digest(key)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Token tidak valid."))
        if token.expires_at <= timezone.now() or token.password_fingerprint != password_fingerprint(token.user):
            token.delete()
            raise exceptions.AuthenticationFailed(_("Token sudah tidak berlaku; minta token baru."))
        request.api_token = token
        return token.user, token

    def authenticate_header(self, request):
        return KEYWORD
