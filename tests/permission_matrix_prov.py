"""Permission matrix entries of issue 20 (provincial coordinators, tenant agencies), merged into ROUTES at the
end of tests/permission_matrix.py. Roles as there, the seventh the Jawa Timur coordinator."""
ROUTES_PROV = {
    "regions:mpp-tenants": {
        "kwargs": {"pk": "batu_mpp"},
        # An empty form is an empty list: for the officer an empty report is refused (the form shows it), the
        # admin's a no-op; others may not change the MPP.
        "GET": ("login", "forbidden", "ok", "forbidden", "ok", "forbidden", "forbidden"),
        "POST": ("login", "forbidden", "ok", "forbidden", "ok", "forbidden", "forbidden"),
    },
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
