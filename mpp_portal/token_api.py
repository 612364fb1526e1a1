"""The token endpoint: ``POST /api/auth/token/`` issues, ``DELETE`` revokes."""
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from .login_guard import client_address, failure_record, failures_reset, is_locked, locked_message, username_normalize
from .tokens import ExpiringTokenAuthentication, api_token_issue, api_tokens_revoke


class ClientAddressThrottle(ScopedRateThrottle):
    """Keyed on the address the server sees (``login_guard.client_address``), so a forged
    X-Forwarded-For does not reset the limit."""

    def get_ident(self, request):
        return client_address(request)


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, trim_whitespace=False)
    password = serializers.CharField(max_length=128, trim_whitespace=False, style={"input_type": "password"})


class TokenView(APIView):
    """POST {"username", "password"} to get {"token"} (shown once; it replaces the user's earlier token);
    send it as ``Authorization: Token <token>``. DELETE revokes the caller's token."""

    authentication_classes = [ExpiringTokenAuthentication, SessionAuthentication]
    permission_classes = []
    throttle_classes = [ClientAddressThrottle]
    throttle_scope = "token"

    def get_permissions(self):
        return [permissions.IsAuthenticated()] if self.request.method == "DELETE" else []

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()}),
                   400: OpenApiResponse(description=_("Nama pengguna atau kata sandi salah.")),
                   429: OpenApiResponse(description=_("Terlalu banyak percobaan."))},
    )
    def post(self, request, *args, **kwargs):
        serializer = TokenRequestSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        username, address = username_normalize(serializer.validated_data["username"]), client_address(request)
        if is_locked(username, address):
            return Response({"detail": locked_message()}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        user = authenticate(request._request, username=username, password=serializer.validated_data["password"])
        if user is None or not user.is_active:
            failure_record(username, address)
            return Response({"non_field_errors": [_("Nama pengguna atau kata sandi salah.")]},
                            status=status.HTTP_400_BAD_REQUEST)
        failures_reset(username, address)
        return Response({"token": api_token_issue(user=user)})

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, *args, **kwargs):
        api_tokens_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
