"""OpenAPI descriptions of the project's own pieces (imported by the URLconf, so they register first)."""
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ExpiringTokenScheme(OpenApiAuthenticationExtension):
    target_class = "mpp_portal.tokens.ExpiringTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey", "in": "header", "name": "Authorization",
            "description": 'Token from POST /api/auth/token/, sent as "Token <key>"; it expires and is '
                           "revoked by DELETE /api/auth/token/, a new login or a password change.",
        }
