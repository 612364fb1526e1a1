"""The permission matrix: for every route of the URLconf (by name), the outcome each role gets per method.

Roles, in this order: anonymous, ministry staff (analyst), the officer of the record's region (Kota Batu),
an officer of another region (Kota Malang), an admin, a ministry verifier (only the routes whose
entries name six or more outcomes ask the verifier) and the provincial coordinator of Jawa Timur, the
record's province (only the routes whose entries name seven outcomes ask the coordinator). Outcomes: "ok" 2xx or a redirect elsewhere than
the login page; "login" a redirect to the login page; "unauth" 401/403 for an anonymous API call;
"forbidden" 403; "not_found" 404; "not_allowed" 405; "invalid" 400 (the matrix posts empty bodies, so a
permitted write is refused for its content); "unsupported" 415. ``kwargs`` name fixture objects of
tests/mpp_portal/test_permission_matrix.py. The admin site, static and media files are not listed; the
API schema and docs are public by design.
"""
ROLES = ("anonymous", "analyst", "batu_officer", "malang_officer", "admin_user", "verifier", "east_java_coordinator")

ROUTES = {
    "home": {
        "GET": ("ok", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed",
                 "not_allowed"),
    },
    "healthz": {
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "ping": {
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "login": {
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("ok", "ok", "ok", "ok", "ok"),
    },
    "logout": {
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "login", "login", "login", "login"),
    },
    "set_language": {
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("ok", "ok", "ok", "ok", "ok"),
    },
    "api-token": {
        "GET": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("invalid", "invalid", "invalid", "invalid", "invalid"),
        "PATCH": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "api-schema": {
        "GET": ("ok",),  # public by design: asked once, anonymously (generating the schema is slow)
    },
    "api-docs": {
        "GET": ("ok",),  # public by design: asked once, anonymously (generating the schema is slow)
    },
    "province-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "province-detail": {
        "kwargs": {"code": "east_java"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "region-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "region-detail": {
        "kwargs": {"code": "batu_region"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "invalid", "invalid", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-detail": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "invalid", "forbidden", "invalid"),
    },
    "mpp-history": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-status": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "invalid", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "inauguration-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
    },
    "inauguration-detail": {
        "kwargs": {"pk": "inauguration"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "api-import": {
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "unsupported"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
    },
    "signing-event-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
    },
    "signing-event-detail": {
        "kwargs": {"pk": "signing"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "commitment-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
    },
    "commitment-detail": {
        "kwargs": {"pk": "commitment"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "institution-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "institution-detail": {
        "kwargs": {"pk": "institution"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "agreement-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "invalid", "invalid", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "agreement-detail": {
        "kwargs": {"pk": "pks"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "ok", "forbidden", "ok"),
    },
    "agreement-amendments": {
        "kwargs": {"pk": "pks"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "invalid", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "agreement-parties": {
        "kwargs": {"pk": "pks"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "agreement-placements": {
        "kwargs": {"pk": "pks"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "invalid", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "agreement-party-detail": {
        "kwargs": {"pk": "pks_party"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "ok", "forbidden", "ok"),
    },
    "agreement-party-revoke": {
        "kwargs": {"pk": "pks_party"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    # The admin never changed the party's content (the matrix's empty PATCH is no edit), so may sign off.
    "agreement-party-sign-off": {
        "kwargs": {"pk": "pks_party"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "ok"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou-coverage": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "api-progress": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "api-progress-history": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "api-lagging": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "quality-summary": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "quality-stale-regions": {
        "GET": ("unauth", "ok", "forbidden", "forbidden", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "evaluation-category-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "evaluation-category-detail": {
        "kwargs": {"key": "category"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "evaluation-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "evaluation-import-csv": {
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
    },
    "evaluation-detail": {
        "kwargs": {"pk": "evaluation"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "digital-pilot-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "digital-pilot-detail": {
        "kwargs": {"pk": "pilot"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "readiness-criterion-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "readiness-criterion-detail": {
        "kwargs": {"key": "criterion"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "readiness-check-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "invalid", "invalid", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "readiness-check-detail": {
        "kwargs": {"pk": "readiness_check"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "readiness-check-verify": {
        "kwargs": {"pk": "readiness_check"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "ok"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "fiscal-capacity-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "fiscal-capacity-import-csv": {
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed"),
    },
    "fiscal-capacity-detail": {
        "kwargs": {"pk": "fiscal"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-quality-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-quality-detail": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("unauth", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-quality-digital-status": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "invalid", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-quality-oss": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "invalid", "forbidden", "invalid"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "regions:list": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "regions:mine": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "regions:detail": {
        "kwargs": {"code": "batu_region"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "regions:mpp-create": {
        "kwargs": {"code": "batu_region"},
        "GET": ("login", "forbidden", "ok", "forbidden", "ok"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok"),
    },
    "regions:mpp-detail": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "regions:mpp-update": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "forbidden", "ok", "forbidden", "ok"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok"),
    },
    "regions:mpp-status": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "forbidden", "ok", "forbidden", "ok"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok"),
    },
    "regions:mpp-evidence": {
        "kwargs": {"pk": "batu_mpp", "update_pk": "status_update"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "events:list": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "events:import": {
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok", "forbidden", "forbidden"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok", "forbidden", "forbidden"),
    },
    "regions:inauguration-create": {
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "regions:inauguration": {
        "kwargs": {"pk": "inauguration"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "regions:inauguration-edit": {
        "kwargs": {"pk": "inauguration"},
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "events:signing-create": {
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "events:signing": {
        "kwargs": {"pk": "signing"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "events:signing-edit": {
        "kwargs": {"pk": "signing"},
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "events:commitment-create": {
        "kwargs": {"event_pk": "signing"},
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "events:commitment-edit": {
        "kwargs": {"event_pk": "signing", "pk": "commitment"},
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "dashboards:national": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:province": {
        "kwargs": {"code": "east_java"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:public": {
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "opendata:index": {
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "opendata:catalog": {
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "opendata:file": {
        "kwargs": {"name": "data_file"},
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "opendata:release": {
        "kwargs": {"tag": "release"},
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "opendata:release-checksums": {
        "kwargs": {"tag": "release"},
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "opendata:release-file": {
        "kwargs": {"tag": "release", "name": "data_file"},
        "GET": ("ok", "ok", "ok", "ok", "ok"),
        "POST": ("not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:region-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:province-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:dashboard-pdf": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:digest": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "ok", "forbidden", "forbidden", "ok"),
    },
    "dashboards:lagging": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:lagging-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:mpp-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:list": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:pks-create": {
        "GET": ("login", "forbidden", "ok", "forbidden", "ok"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok"),
    },
    "mou:sign-off-queue": {
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:coverage": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:coverage-gaps": {
        "kwargs": {"pk": "national_institution"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:detail": {
        "kwargs": {"pk": "pks"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:document": {
        "kwargs": {"pk": "pks"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:amendment-document": {
        "kwargs": {"pk": "pks", "amendment_pk": "amendment"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mou:edit": {
        "kwargs": {"pk": "pks"},
        "GET": ("login", "forbidden", "ok", "forbidden", "ok"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok"),
    },
    "mou:placement-add": {
        "kwargs": {"pk": "pks"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "forbidden", "invalid", "forbidden", "invalid"),
    },
    "mou:amendment-add": {
        "kwargs": {"pk": "pks"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "forbidden", "invalid", "forbidden", "invalid"),
    },
    "mou:party-edit": {
        "kwargs": {"pk": "pks_party"},
        "GET": ("login", "forbidden", "ok", "forbidden", "ok"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok"),
    },
    "mou:party-sign-off": {
        "kwargs": {"pk": "pks_party"},
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "mou:party-revoke": {
        "kwargs": {"pk": "pks_party"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    "quality:dashboard": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "quality:evaluations": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "quality:evaluation-import": {
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok", "forbidden", "forbidden"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok", "forbidden", "forbidden"),
    },
    "quality:mpps": {
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "quality:mpp": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "quality:mpp-digital": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "forbidden", "invalid", "forbidden", "invalid"),
    },
    "quality:mpp-oss": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        # An empty form changes nothing: for an officer that is an empty report, refused; an admin's is a no-op.
        "POST": ("login", "forbidden", "invalid", "forbidden", "ok"),
    },
    "quality:readiness-check": {
        "kwargs": {"pk": "batu_mpp", "criterion": "criterion"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok"),
    },
    "quality:readiness-verify": {
        "kwargs": {"pk": "readiness_check"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok"),
    },
    # Officers' reports and their verification (issue 14); the province's first check (issue 20): the
    # report of Kota Batu waits for the Jawa Timur coordinator's check.
    "regions:report-queue": {
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok", "ok"),
    },
    "regions:report-detail": {
        "kwargs": {"pk": "report"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok", "ok"),
    },
    "regions:report-evidence": {
        "kwargs": {"pk": "report"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "regions:report-batch": {
        "kwargs": {"pk": "report_batch"},
        "GET": ("login", "forbidden", "forbidden", "forbidden", "not_found", "ok", "not_found"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "report-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "invalid", "invalid", "invalid", "forbidden", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden", "forbidden"),
    },
    "report-detail": {
        "kwargs": {"pk": "report"},
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden", "forbidden"),
    },
    "report-bulk-verify": {
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid", "invalid", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "report-return": {
        "kwargs": {"pk": "report"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid", "invalid", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "report-verify": {
        "kwargs": {"pk": "report"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        # The admin acts at the report's level: the province's check (an empty body is a decision without a
        # note); the verifier then verifies it at the ministry level; for the coordinator it is done.
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "ok", "ok", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    "report-batch-detail": {
        "kwargs": {"pk": "report_batch"},
        "GET": ("unauth", "forbidden", "forbidden", "forbidden", "not_found", "ok", "not_found"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed", "not_allowed"),
    },
    # Monthly operations reports (issue 18): entered by officers (and admins), decided by verifiers.
    "operations:dashboard": {
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "operations:reports": {
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "operations:report-create": {
        "GET": ("login", "forbidden", "ok", "ok", "ok", "forbidden"),
        "POST": ("login", "forbidden", "invalid", "invalid", "invalid", "forbidden"),
    },
    "operations:report": {
        "kwargs": {"pk": "operations_report"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "invalid", "invalid"),
    },
    "operations:import": {
        "GET": ("login", "forbidden", "ok", "ok", "ok", "forbidden"),
        "POST": ("login", "forbidden", "invalid", "invalid", "invalid", "forbidden"),
    },
    "operations:flags": {
        "GET": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok"),
        "POST": ("login", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "operations:flag-resolve": {
        "kwargs": {"pk": "operations_flag"},
        "GET": ("login", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        # Without a note the page goes back to the flag list with the error; nothing is resolved.
        "POST": ("login", "forbidden", "forbidden", "forbidden", "ok", "ok"),
    },
    "operations:missing": {
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "operations:mpp": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:operations-figure-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:operations-report-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "operations-report-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "invalid", "invalid", "invalid", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
    },
    "operations-report-detail": {
        "kwargs": {"pk": "operations_report"},
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
    },
    "operations-report-verify": {
        "kwargs": {"pk": "operations_report"},
        "GET": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        # The admin verifies the report (an empty body is a verification without a note); then it is done.
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "ok", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "operations-report-return": {
        "kwargs": {"pk": "operations_report"},
        "GET": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "operations-flag-list": {
        "GET": ("unauth", "forbidden", "forbidden", "forbidden", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "operations-flag-detail": {
        "kwargs": {"pk": "operations_flag"},
        "GET": ("unauth", "forbidden", "forbidden", "forbidden", "ok", "ok"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "operations-flag-resolve": {
        "kwargs": {"pk": "operations_flag"},
        "GET": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "forbidden", "forbidden", "invalid", "invalid"),
        "PATCH": ("unauth", "forbidden", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "operations-figures": {
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
    },
    "operations-visitors": {
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
    },
    "operations-missing": {
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
    },
    "operations-import": {
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "forbidden", "unsupported", "unsupported", "unsupported", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden"),
    },
}
ROUTES |= __import__("tests.permission_matrix_taskforce", fromlist=["ROUTES"]).TASKFORCE_ROUTES

ROUTES.update(__import__("tests.permission_matrix_prov", fromlist=["ROUTES_PROV"]).ROUTES_PROV)
