"""No input gives a 500: property-based requests to every route of the URLconf (enumerated as the
permission matrix does), with generated path segments, query strings and bodies — integers beyond every
column's range, digits that are not ASCII, NUL bytes, malformed dates, nested JSON, stray files.

Each example runs in a savepoint rolled back afterwards, so examples are independent and the fixture
records stay as built. ``PROPERTY_MAX_EXAMPLES`` (default 8 per route and method) tunes the effort,
``PROPERTY_ROUTES`` (a regular expression on route names) narrows it.
"""
import inspect
import os
import re
from urllib.parse import urlencode

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import NoReverseMatch, resolve, reverse
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import api_for, client_for
from tests.mpp_portal.test_permission_matrix import fixture_objects, routes
from tests.permission_matrix import ROLES, ROUTES

MAX_EXAMPLES = int(os.environ.get("PROPERTY_MAX_EXAMPLES", "8"))
# A regular expression on route names, to fuzz a few routes while working on them.
ONLY = re.compile(os.environ.get("PROPERTY_ROUTES", ""))
# Names the portal's HTML forms and list filters use besides the API's.
PAGE_NAMES = ["q", "page", "tahun", "sasaran", "status", "province", "region", "kind", "year", "version", "note",
              "name", "tenant_count", "service_count", "inaugurated_on", "address", "reason", "dry_run", "file",
              "evidence", "document", "username", "password", "language", "next", "outcome", "category", "met",
              "verified", "signed_on", "term_years", "title", "number", "place", "event_date", "score", "ordering"]
EDGE_NUMBERS = [2**15 - 1, 2**15, 2**31 - 1, 2**31, -(2**31) - 1, 2**63 - 1, 2**63, -(2**63) - 1, 10**20, -1, 0]
EDGE_TEXT = ["²", "١٢", "\u0661\u0662", "\x00", "a\x00b", "9" * 25, "-1", "+5", "1e309", "NaN", "Infinity",
             "2024-13-45", "0000-00-00", "9999-12-31", "35.79", "35", "<script>alert(1)</script>", "' OR 1=1 --",
             "%00", "a" * 400, "true", "null", "[]", "{}", "Kota Batu", "operating", "𝟙𝟚", "\ud7ff", "  "]


READ_BY_HAND = re.compile(
    r"""(?:(?:GET|POST|query_params|data)(?:\.get\(|\[)|query_int\([^,]+,)\s*["'](\w+)["']""")


def _route_names(path: str) -> list[str]:
    """The parameters a route's view reads: by hand in its module (``request.GET.get("tahun")``,
    documented or not), its FilterSet's and its form's fields."""
    callback = resolve(path).func
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
    module = inspect.getmodule(view)
    names = set(READ_BY_HAND.findall(inspect.getsource(module))) if module is not None else set()
    for holder in ("filterset_class", "form_class"):
        declared = getattr(view, holder, None)
        names |= set(getattr(declared, "base_filters", None) or getattr(declared, "base_fields", None) or {})
    return sorted(names)


def _normal(path: str) -> str:
    """One spelling for a schema path (``/api/mpps/{id}/``) and a route (``api/^mpps/(?P<pk>[^/.]+)/$``)."""
    path = re.sub(r"\(\?P<\w+>[^)]*\)|\{\w+\}|<(?:\w+:)?\w+>", "{}", path)
    return "/" + path.replace("^", "").replace("$", "").lstrip("/")


def _schema_names() -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """``(path, method) -> (query parameter names, body property names)`` from the OpenAPI schema."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if not isinstance(operation, dict):
                continue
            query = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
            body = set()
            for media in operation.get("requestBody", {}).get("content", {}).values():
                ref = media.get("schema", {}).get("$ref", "")
                body |= set(schema["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}).get("properties", {}))
            found[(_normal(path), method.upper())] = (query, sorted(body))
    return found


NUMBERS = st.one_of(st.sampled_from(EDGE_NUMBERS), st.integers(min_value=-(2**70), max_value=2**70))
# Digits outside ASCII: "²" (No) passes str.isdigit but not int(); "١٢" (Nd) passes both.
UNICODE_DIGITS = st.text(st.characters(categories=["No", "Nd"]), min_size=1, max_size=4)
# One representative per class of input that used to end in a 500; every parameter gets each of them.
REPRESENTATIVES = ["²", "9" * 25, str(2**31), str(2**15), "-1", "a\x00b", "2024-13-45", "1e309", "a" * 400, "[]"]
# The edge values are drawn as often as everything else together.
TEXT = st.one_of(st.sampled_from(REPRESENTATIVES), st.sampled_from(EDGE_TEXT), st.one_of(
    UNICODE_DIGITS, NUMBERS.map(str), st.text(max_size=40), st.dates().map(str),
    st.sampled_from([str(n) + ".5" for n in EDGE_NUMBERS])))
UPLOAD = st.builds(lambda name, content: SimpleUploadedFile(name, content), st.sampled_from(
    ["data.csv", "data.xlsx", "bukti.pdf", "x.html", "tanpa-nama"]), st.binary(max_size=300))


def _json(names):
    scalar = st.one_of(st.none(), st.booleans(), NUMBERS, st.floats(allow_nan=False, allow_infinity=False), TEXT)
    keys = st.sampled_from(names) | st.text(max_size=8)
    value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
                         max_leaves=6)
    return st.one_of(st.dictionaries(st.sampled_from(names), value, min_size=1, max_size=len(names)), value)


def _path(data, name: str, kwargs: dict, objects: dict) -> str:
    """The route with generated segments (or the fixture object's, when the pattern refuses them)."""
    real = {key: objects[ref] for key, ref in kwargs.items()}
    generated = {key: _segment(data, "int" if isinstance(value, int) else "str", value) for key, value in real.items()}
    try:
        return reverse(name, kwargs=generated)
    except NoReverseMatch:
        return reverse(name, kwargs=real)


def _segment(data, kind: str, real) -> str:
    choice = data.draw(st.integers(0, 2))
    if choice == 0 and real is not None:
        return str(real)
    if kind == "int":
        return str(abs(data.draw(NUMBERS)))
    value = data.draw(TEXT)
    return value.replace("/", "").replace("?", "").replace("#", "") or "x"


def _send(client, method: str, path: str, params: dict, body, *, api: bool):
    """One request in a savepoint rolled back afterwards; an exception in the view is re-raised."""
    with transaction.atomic():
        if method == "GET":
            response = client.get(path, params)
        elif api:
            response = getattr(client, method.lower())(path + "?" + urlencode(params), body, format="json")
        else:
            response = client.post(path, body)
        transaction.set_rollback(True)
    return response


def _fixtures(request):
    users = {role: None if role == "anonymous" else request.getfixturevalue(role) for role in ROLES}
    return users, fixture_objects(users)


def test_every_parameter_a_route_reads_takes_each_hostile_value_without_a_server_error(request, registry):
    """The sweep: each representative value in each parameter the route's view reads, as a query value
    and as a body field, one at a time."""
    users, objects = _fixtures(request)
    schema_names, failures = _schema_names(), []
    for name, route in routes().items():
        if not ONLY.search(name):
            continue
        kwargs, api = ROUTES.get(name, {}).get("kwargs", {}), route.startswith("api/")
        path = reverse(name, kwargs={k: objects[v] for k, v in kwargs.items()})
        client = (api_for if api else client_for)(users["admin_user"])
        write = "PATCH" if api and kwargs else "POST"
        names = {*_route_names(path), *schema_names.get((_normal(route), "GET"), ([], []))[0],
                 *schema_names.get((_normal(route), write), ([], []))[1]}
        for parameter in sorted(names):
            for value in REPRESENTATIVES:
                for method, params, body in (("GET", {parameter: value}, None), (write, {}, {parameter: value})):
                    try:
                        code = _send(client, method, path, params, body, api=api).status_code
                    except Exception as exc:  # the test client re-raises what the view raised
                        code = repr(exc)[:200]
                    if not isinstance(code, int) or code >= 500:
                        failures.append(f"{method} {path} {params or body!r}: {code}")
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)


def test_no_route_answers_a_server_error_whatever_its_parameters_and_body(request, registry):
    """The property: generated path segments, query strings and bodies for every route and method."""
    users, objects = _fixtures(request)
    schema_names = _schema_names()
    failures = []
    for name, route in routes().items():
        if not ONLY.search(name):
            continue
        entry, api = ROUTES.get(name, {}), route.startswith("api/")
        kwargs = entry.get("kwargs", {})
        clients = {"admin_user": (api_for if api else client_for)(users["admin_user"])}
        if entry.get("GET", ("",))[0] == "ok":  # public routes are fuzzed anonymously too
            clients["anonymous"] = (api_for if api else client_for)(None)
        read_by_view = _route_names(reverse(name, kwargs={k: objects[v] for k, v in kwargs.items()}))
        for role, client in clients.items():
            for method in ("GET", "POST", "PATCH", "DELETE") if api else ("GET", "POST"):
                query_names, body_names = schema_names.get((_normal(route), method), ([], []))
                own = sorted({*query_names, *body_names, *read_by_view}) or PAGE_NAMES
                query = st.dictionaries(st.sampled_from(own), TEXT, min_size=1, max_size=4)
                body_strategy = _json(own) if api else st.dictionaries(st.sampled_from(own), TEXT | UPLOAD, max_size=8)

                @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
                          suppress_health_check=list(HealthCheck))
                @given(data=st.data())
                def check(data):
                    path = _path(data, name, kwargs, objects)
                    params = data.draw(query)
                    body = data.draw(body_strategy) if method != "GET" else None
                    try:
                        response = _send(client, method, path, params, body, api=api)
                    except Exception as exc:
                        raise AssertionError(f"{method} {path} {params!r} {body!r} as {role}: {exc!r}") from exc
                    assert response.status_code < 500, f"{method} {path} {params!r} {body!r} as {role}: 500"

                try:
                    check()
                except AssertionError as failure:
                    failures.append(str(failure).splitlines()[0][:600])
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)
