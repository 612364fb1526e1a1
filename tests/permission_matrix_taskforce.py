"""The task force's assistance (issue 20): every member reads; staff, verifiers and admins (and task force
members and provincial coordinators, not among the matrix's roles) log; officers do not. Roles as in
tests/permission_matrix.py."""
TASKFORCE_ROUTES = {
    "taskforce:list": {
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "taskforce:create": {
        "GET": ("login", "ok", "forbidden", "forbidden", "ok", "ok"),
        "POST": ("login", "invalid", "forbidden", "forbidden", "invalid", "invalid"),
    },
    "taskforce:detail": {
        "kwargs": {"pk": "assistance"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "taskforce:update": {
        "kwargs": {"pk": "assistance"},
        "GET": ("login", "ok", "forbidden", "forbidden", "ok", "ok"),
        "POST": ("login", "invalid", "forbidden", "forbidden", "invalid", "invalid"),
    },
    "taskforce:follow-up-create": {
        "kwargs": {"pk": "assistance"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("login", "invalid", "forbidden", "forbidden", "invalid", "invalid"),
    },
    "taskforce:follow-ups": {
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "taskforce:follow-up-close": {
        "kwargs": {"pk": "follow_up"},
        "GET": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        # Without a state the page goes back to the assistance with the error; nothing is closed.
        "POST": ("login", "ok", "forbidden", "forbidden", "ok", "ok"),
    },
    "assistance-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "invalid", "forbidden", "forbidden", "invalid", "invalid"),
        "PATCH": ("unauth", "not_allowed", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "assistance-detail": {
        "kwargs": {"pk": "assistance"},
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "not_allowed", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "ok", "forbidden", "forbidden", "ok", "ok"),
    },
    "follow-up-list": {
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "invalid", "forbidden", "forbidden", "invalid", "invalid"),
        "PATCH": ("unauth", "not_allowed", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "follow-up-detail": {
        "kwargs": {"pk": "follow_up"},
        "GET": ("unauth", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("unauth", "not_allowed", "forbidden", "forbidden", "not_allowed", "not_allowed"),
        "PATCH": ("unauth", "not_allowed", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "follow-up-close": {
        "kwargs": {"pk": "follow_up"},
        "GET": ("unauth", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
        "POST": ("unauth", "invalid", "forbidden", "forbidden", "invalid", "invalid"),
        "PATCH": ("unauth", "not_allowed", "forbidden", "forbidden", "not_allowed", "not_allowed"),
    },
    "dashboards:assistance-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
    "dashboards:follow-up-export": {
        "kwargs": {"fmt": "csv"},
        "GET": ("login", "ok", "ok", "ok", "ok", "ok"),
        "POST": ("login", "not_allowed", "not_allowed", "not_allowed", "not_allowed", "not_allowed"),
    },
}
