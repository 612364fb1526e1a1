"""Permission matrix entries of issue 20 (provincial coordinators, tenant agencies), merged into ROUTES at the
end of tests/permission_matrix.py. Roles as there, the seventh the Jawa Timur coordinator."""
ROUTES_PROV = {
    "regions:mpp-tenants-csv": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "mpp-tenants": {
        "kwargs": {"pk": "batu_mpp"},
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden", "forbidden"),
        "PATCH": ("unauth", "forbidden", "not_allowed", "not_allowed", "not_allowed", "forbidden", "forbidden"),
    },
}
