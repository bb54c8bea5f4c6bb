"""The Kubernetes chart (deploy/vru) cannot be installed here (no cluster), so it is rendered with Helm's own
engine (helm-python-sdk: the Helm v4 Go SDK as a library, from PyPI) and every object is validated offline:
core objects against the Kubernetes JSON schemas (kubernetes-validate), the Traefik and CloudNativePG custom
resources against their CRDs' openAPIV3Schema (deploy/crds), strictly (an unknown field is an error, as the API
server's strict field validation makes it). The chart is then held to the same sources as compose and
``vru up``: the services' settings (``Platform.service_env``), the gateway's routers and middlewares
(services/gateway/dynamic, rendered by the same Go template engine), the audit log owner's SQL."""

from __future__ import annotations

import copy
import json
import re
import shutil
import uuid
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import helm_python as helm
import jsonschema
import kubernetes_validate
import pytest
import yaml

from vru_cli.deploy import CLIENT_IDS, DATABASE_ROLES, WEB
from vru_dev.gateway import tracing_config
from vru_dev.platform import APP_FACTORIES, APPS, PEERS, Platform, PlatformConfig, Ports
from vru_dev.testing import repo_root
from vru_shared.settings import ServiceSettings

ROOT = repo_root()
CHART = ROOT / "deploy" / "vru"
CRDS = ROOT / "deploy" / "crds"
GATEWAY = ROOT / "services" / "gateway" / "dynamic"
KUBERNETES_VERSION = "1.33"
HOSTS = {s: s.replace("_", "-") for s in APPS}
CUSTOM_KINDS = {"IngressRoute", "Middleware", "ServersTransport", "Cluster", "ScheduledBackup"}

#: A complete set of secrets: none of them a development value.
SECRETS: dict[str, str] = {
    "audit-seal-key": "k8s-test-audit-seal-key-0123456789abcdef",
    "web-session-key": "k8s-test-web-session-key-0123456789abcdef",
    "webhook-secret-encryption-keys": '["k8s-test-webhook-secret-key-0123456789abcdef"]',
    "notify-api-key": f"k8s_test-{uuid.UUID(int=1)}-{uuid.UUID(int=2)}",
    **{f"db-password-{role}": f"k8stest{role.replace('_', '')}0123456789" for role in DATABASE_ROLES},
    **{f"client-secret-{HOSTS[s]}": f"k8s-test-{HOSTS[s]}-client-secret" for s in CLIENT_IDS},
}
VALUES: dict[str, Any] = {
    "secrets": {"create": True, "values": SECRETS},
    "postgres": {"backup": {"enabled": True, "endpointURL": "https://s3.example.org"}},
}

#: The chart's gateway values and the gateway's environment variables (services/gateway/dynamic).
GATEWAY_ENV = {
    "rateAverage": "VRU_RATE_AVERAGE",
    "rateBurst": "VRU_RATE_BURST",
    "sourceRateAverage": "VRU_SOURCE_RATE_AVERAGE",
    "sourceRateBurst": "VRU_SOURCE_RATE_BURST",
    "tokenRate": "VRU_TOKEN_RATE",
    "tokenRateBurst": "VRU_TOKEN_RATE_BURST",
    "referralQuota": "VRU_REFERRAL_QUOTA",
    "referralQuotaBurst": "VRU_REFERRAL_QUOTA_BURST",
    "allocationQuota": "VRU_ALLOCATION_QUOTA",
    "allocationQuotaBurst": "VRU_ALLOCATION_QUOTA_BURST",
    "sourceIpDepth": "VRU_SOURCE_IP_DEPTH",
    "maxBodyBytes": "VRU_MAX_BODY_BYTES",
    "maxHeaderBytes": "VRU_MAX_HEADER_BYTES",
    "importMaxBodyBytes": "VRU_IMPORT_MAX_BODY_BYTES",
    "corsOrigins": "VRU_CORS_ORIGINS",
}


def merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


def render(values: dict[str, Any] | None = None, chart: Path = CHART) -> list[dict[str, Any]]:
    """``helm template``: every object the chart makes with these values (values.schema.json applies)."""
    with helm.Chart.load(str(chart)) as loaded:
        manifests = loaded.render(merged(VALUES, values or {}), name="vru", namespace="vru", is_install=True)
    objects = (yaml.safe_load_all(text) for path, text in manifests.items() if not path.endswith("NOTES.txt"))
    return [doc for docs in objects for doc in docs if doc]


# --- validation -------------------------------------------------------------------------------------------


def strict(schema: Any) -> Any:
    """A CRD schema as the API server applies it with strict field validation: an object with listed
    properties and neither ``additionalProperties`` nor ``x-kubernetes-preserve-unknown-fields`` has no others."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: strict(value) for key, value in schema.items()}
    if (
        "properties" in result
        and "additionalProperties" not in result
        and not result.get("x-kubernetes-preserve-unknown-fields")
    ):
        result["additionalProperties"] = False
    return result


@cache
def crd_schemas() -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) → the strict openAPIV3Schema of every CRD kept in deploy/crds."""
    schemas: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(CRDS.glob("*.yaml")):
        for crd in yaml.safe_load_all(path.read_text()):
            if not crd:
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                schema = strict(version["schema"]["openAPIV3Schema"])
                schema["properties"]["metadata"] = {"type": "object"}
                schemas[(f"{group}/{version['name']}", kind)] = schema
    return schemas


def validate(obj: dict[str, Any]) -> None:
    """Raise if ``obj`` is not a valid object of its kind (core: Kubernetes' schemas; custom: its CRD's)."""
    key = (obj["apiVersion"], obj["kind"])
    if obj["kind"] in CUSTOM_KINDS:
        jsonschema.validate(obj, crd_schemas()[key], cls=jsonschema.Draft7Validator)
    else:
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)


@pytest.fixture(scope="module")
def objects() -> list[dict[str, Any]]:
    return render()


def find(objects: list[dict[str, Any]], kind: str, name: str | None = None) -> list[dict[str, Any]]:
    return [o for o in objects if o["kind"] == kind and (name is None or o["metadata"]["name"] == name)]


def one(objects: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    [obj] = find(objects, kind, name)
    return obj


def test_crds_kept_for_every_custom_kind() -> None:
    kinds = {kind for _, kind in crd_schemas()}
    assert kinds == CUSTOM_KINDS


def test_every_object_validates(objects: list[dict[str, Any]]) -> None:
    kinds = {o["kind"] for o in objects}
    assert {"Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Job", "Secret"} <= kinds
    assert kinds >= CUSTOM_KINDS
    for obj in objects:
        validate(obj)


@pytest.mark.parametrize(
    ("kind", "path", "misspelt"),
    [
        ("Deployment", ["spec", "template", "spec", "containers", 0], "readynessProbe"),
        ("Job", ["spec", "template", "spec"], "restartPolicyy"),
        ("Middleware", ["spec", "rateLimit"], "avrage"),
        ("IngressRoute", ["spec", "routes", 0], "matches"),
        ("Cluster", ["spec"], "instance"),
        ("ScheduledBackup", ["spec"], "scheduel"),
    ],
)
def test_a_misspelt_field_is_reported(objects: list[dict[str, Any]], kind: str, path: list[Any], misspelt: str) -> None:
    """The validation is strict: one field misspelt in a rendered object fails it."""
    candidates = [o for o in objects if o["kind"] == kind]
    if kind == "Middleware":
        candidates = [o for o in candidates if "rateLimit" in o["spec"]]
    obj = copy.deepcopy(candidates[0])
    node: Any = obj
    for step in path:
        node = node[step]
    node[misspelt] = node.pop(next(iter(node))) if kind == "Middleware" else "x"
    with pytest.raises((kubernetes_validate.ValidationError, jsonschema.ValidationError), match=misspelt):
        validate(obj)


# --- values -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [
        {"services": {"referrals": {"replicas": "two"}}},
        {"services": {"referals": {"replicas": 2}}},
        {"publicUrl": "http://vru.example.org"},
        {"environment": "development"},
        {"gateway": {"rateAverage": 0}},
        {"postgres": {"cluster": {"instances": "3"}}},
        {"image": {"tag": "latest"}},
        {"web": {"cookieSecure": False}},
    ],
)
def test_a_broken_value_fails(values: dict[str, Any]) -> None:
    with pytest.raises(helm.HelmValuesError):
        render(values)


@pytest.mark.parametrize("key", sorted(SECRETS))
def test_a_development_secret_is_refused(key: str) -> None:
    """Every service refuses the development secrets outside development; the chart refuses them at install."""
    with pytest.raises(helm.HelmValuesError, match=key):
        render({"secrets": {"values": {key: "dev-only-but-long-enough-value"}}})


def test_the_template_refuses_development_values_without_the_schema(tmp_path: Path) -> None:
    """The template's own check (``vru.refuseDevelopmentValue``) holds even where a schema is not applied."""
    chart = tmp_path / "vru"
    shutil.copytree(CHART, chart)
    (chart / "values.schema.json").unlink()
    with pytest.raises(helm.HelmRenderError, match="development value"):
        render({"secrets": {"values": {"audit-seal-key": "dev-only-audit-seal-key"}}}, chart)


def test_a_missing_secret_is_refused_when_the_chart_makes_the_secret() -> None:
    values = {k: v for k, v in SECRETS.items() if k != "web-session-key"}
    with pytest.raises(helm.HelmRenderError, match="web-session-key"), helm.Chart.load(str(CHART)) as loaded:
        loaded.render({**VALUES, "secrets": {"create": True, "values": values}}, name="vru", namespace="vru")


def test_an_existing_secret_is_used_by_name() -> None:
    objects = render({"secrets": {"create": False, "name": "vru-from-vault", "values": {}}})
    assert not find(objects, "Secret")
    refs = {
        env["valueFrom"]["secretKeyRef"]["name"]
        for d in find(objects, "Deployment")
        for env in d["spec"]["template"]["spec"]["containers"][0]["env"]
        if "valueFrom" in env
    }
    assert refs == {"vru-from-vault"}


def test_several_referrals_replicas_need_a_shared_anchor_volume() -> None:
    with pytest.raises(helm.HelmRenderError, match="ReadWriteMany"):
        render({"auditAnchor": {"accessModes": ["ReadWriteOnce"]}})
    single = {"replicas": 1, "autoscaling": {"enabled": False}}
    objects = render({"auditAnchor": {"accessModes": ["ReadWriteOnce"]}, "services": {"referrals": single}})
    assert one(objects, "Deployment", "referrals")["spec"]["replicas"] == 1


# --- workloads --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("service", APPS)
def test_each_service_has_its_objects(objects: list[dict[str, Any]], service: str) -> None:
    host = HOSTS[service]
    deployment = one(objects, "Deployment", host)
    assert one(objects, "Service", host)["spec"]["ports"][0]["port"] == 8000
    assert one(objects, "PodDisruptionBudget", host)["spec"]["maxUnavailable"] == 1
    hpa = one(objects, "HorizontalPodAutoscaler", host)
    assert hpa["spec"]["scaleTargetRef"]["name"] == host
    assert hpa["spec"]["minReplicas"] >= 2
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    command = container["command"]
    assert command[:3] == ["uvicorn", APP_FACTORIES[service], "--factory"]
    assert command[command.index("--port") + 1] == "8000"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    grace = deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    pause = int(container["lifecycle"]["preStop"]["exec"]["command"][1])
    assert pause + int(command[command.index("--timeout-graceful-shutdown") + 1]) < grace
    assert container["resources"]["limits"]["memory"]
    assert container["image"] == "registry.example.org/vru-platform:0.1.0"


def pods(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [o["spec"]["template"]["spec"] for o in objects if o["kind"] in {"Deployment", "Job"}]


def test_every_pod_is_hardened(objects: list[dict[str, Any]]) -> None:
    """Non-root, no privilege escalation, every capability dropped, a read-only root with /tmp an emptyDir."""
    assert len(pods(objects)) == len(APPS) + 2
    for pod in pods(objects):
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        assert pod["automountServiceAccountToken"] is False
        tmp = [v["name"] for v in pod["volumes"] if "emptyDir" in v]
        for container in pod["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True
            assert context["allowPrivilegeEscalation"] is False
            assert context["capabilities"]["drop"] == ["ALL"]
            assert any(m["mountPath"] == "/tmp" and m["name"] in tmp for m in container["volumeMounts"])


def env_of(container: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in container["env"]}


@pytest.fixture(scope="module")
def local_env() -> dict[str, dict[str, str]]:
    platform = Platform(PlatformConfig(data_dir=Path("/nonexistent"), ports=Ports()))
    platform.service_db_urls = {s: f"postgresql+asyncpg://{s}:pw@localhost/vru" for s in APPS}
    return {s: platform.service_env(s) for s in APPS}


@pytest.mark.parametrize("service", APPS)
def test_service_settings_match_vru_up(
    objects: list[dict[str, Any]], local_env: dict[str, dict[str, str]], service: str
) -> None:
    """The same settings as ``vru up`` (and so docker-compose, tests/test_compose.py), secrets from the Secret."""
    [container] = one(objects, "Deployment", HOSTS[service])["spec"]["template"]["spec"]["containers"]
    env = env_of(container)
    prefix = service.upper() + "_"
    assert {n for n in env if n.startswith(prefix)} == set(local_env[service])
    assert set(env) - set(local_env[service]) == {f"VRU_DB_PASSWORD_{service.upper()}"}
    # $(…) refers to a variable defined before it, or Kubernetes leaves it as it is.
    assert list(env).index(f"VRU_DB_PASSWORD_{service.upper()}") == 0
    assert env[prefix + "ENVIRONMENT"]["value"] == "production"
    assert env[prefix + "DATABASE_URL"]["value"] == (
        f"postgresql+asyncpg://{service}:$(VRU_DB_PASSWORD_{service.upper()})@vru-db-rw:5432/vru"
    )
    peers = json.loads(env[prefix + "PEER_URLS"]["value"])
    assert peers == {p: f"http://{HOSTS[p]}:8000" for p in PEERS[service]}
    assert env[prefix + "JWKS_URL"]["value"] == "http://identity:8000/.well-known/jwks.json"
    assert env[prefix + "TOKEN_ISSUER"]["value"] == "https://vru.example.org"
    for name, entry in env.items():
        if re.search(r"(SECRET|_KEY|PASSWORD)", name) and not name.endswith("_KEY_ID"):
            assert "value" not in entry, f"{name} must come from the Secret"
            assert entry["valueFrom"]["secretKeyRef"]["key"] in SECRETS
    if service in CLIENT_IDS:
        assert env[prefix + "CLIENT_ID"]["value"] == CLIENT_IDS[service]
    if service == WEB:
        assert env["WEB_COOKIE_SECURE"]["value"] == "true"
        assert env["WEB_API_URL"]["value"].startswith("http")
    if service == "referrals":
        mounts = {m["mountPath"] for m in container["volumeMounts"]}
        assert str(Path(env["REFERRALS_AUDIT_ANCHOR_PATH"]["value"]).parent) in mounts


def test_audit_anchor_volume_is_shared_and_kept(objects: list[dict[str, Any]]) -> None:
    pvc = one(objects, "PersistentVolumeClaim", "referrals-audit-anchor")
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    assert pvc["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep"


def test_the_migrations_get_the_webhook_secret_keys_the_service_gets(objects: list[dict[str, Any]]) -> None:
    """A migration may encrypt the webhook signing secrets it finds: with the notifications service's own keys."""
    [migrate] = one(objects, "Job", "vru-migrate")["spec"]["template"]["spec"]["containers"]
    [service] = one(objects, "Deployment", "notifications")["spec"]["template"]["spec"]["containers"]
    name = "NOTIFICATIONS_SECRET_ENCRYPTION_KEYS"
    assert env_of(migrate)[name] == env_of(service)[name]
    assert env_of(service)[name]["valueFrom"]["secretKeyRef"]["key"] == "webhook-secret-encryption-keys"


def test_secret_has_every_key(objects: list[dict[str, Any]]) -> None:
    secret = one(objects, "Secret", "vru-secrets")
    assert secret["stringData"] == SECRETS


# --- the database -----------------------------------------------------------------------------------------


def test_migrations_run_as_hooks_after_provisioning(objects: list[dict[str, Any]]) -> None:
    provision, migrate = one(objects, "Job", "vru-provision"), one(objects, "Job", "vru-migrate")
    weights = []
    for job in (provision, migrate):
        annotations = job["metadata"]["annotations"]
        assert set(annotations["helm.sh/hook"].split(",")) == {"post-install", "pre-upgrade"}
        weights.append(int(annotations["helm.sh/hook-weight"]))
    assert weights[0] < weights[1]
    [container] = migrate["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["vru", "migrate"]
    env = env_of(container)
    assert {f"{s.upper()}_DATABASE_URL" for s in DATABASE_ROLES} <= set(env)
    [provisioner] = provision["spec"]["template"]["spec"]["containers"]
    penv = env_of(provisioner)
    assert penv["VRU_DATABASE_ROLES"]["value"].split() == sorted(DATABASE_ROLES)
    assert penv["PGPASSWORD"]["valueFrom"]["secretKeyRef"]["name"] == "vru-db-superuser"


def test_provisioning_runs_the_audit_owners_sql(objects: list[dict[str, Any]]) -> None:
    """The chart's copy of owner.sql is the referrals package's (Helm reads only files inside the chart)."""
    copy_in_chart = (CHART / "files" / "referrals-audit-owner.sql").read_text()
    assert copy_in_chart == (ROOT / "services/referrals/src/referrals/audit/owner.sql").read_text()
    config = one(objects, "ConfigMap", "vru-provision")["data"]
    assert config["referrals-audit-owner.sql"].strip() == copy_in_chart.strip()
    assert "-f /vru/provision/referrals-audit-owner.sql" in config["provision.sh"]
    assert "for service in ${VRU_DATABASE_ROLES}; do" in config["provision.sh"]


def test_postgres_cluster_and_backups(objects: list[dict[str, Any]]) -> None:
    cluster = one(objects, "Cluster", "vru-db")
    assert cluster["spec"]["instances"] == 3
    assert cluster["spec"]["enableSuperuserAccess"] is True
    assert cluster["spec"]["bootstrap"]["initdb"]["database"] == "vru"
    assert cluster["spec"]["backup"]["barmanObjectStore"]["destinationPath"].startswith("s3://")
    backup = one(objects, "ScheduledBackup", "vru-db-daily")
    assert backup["spec"]["cluster"]["name"] == "vru-db"
    without_backups = render({"postgres": {"backup": {"enabled": False}}})
    assert not find(without_backups, "ScheduledBackup")
    assert "backup" not in one(without_backups, "Cluster", "vru-db")["spec"]


# --- the gateway: the chart against services/gateway/dynamic ---------------------------------------------


def render_gateway(env: dict[str, str], tmp_path: Path) -> dict[str, Any]:
    """services/gateway/dynamic rendered by the same Go template engine (Helm's, with sprig) as Traefik's file
    provider, ``env "X"`` reading ``env`` (Helm has no ``env``): routers, middlewares, services."""
    chart = tmp_path / "gateway"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: gateway\nversion: 0.1.0\n")
    for path in GATEWAY.glob("*.yml"):
        text = re.sub(r'\benv "(\w+)"', r'get .Values.env "\1"', path.read_text())
        (chart / "templates" / path.name).write_text(text)
    with helm.Chart.load(str(chart)) as loaded:
        rendered = loaded.render({"env": env}, name="gateway", namespace="gateway")
    http: dict[str, Any] = {}
    for text in rendered.values():
        for key, value in yaml.safe_load(text)["http"].items():
            http.setdefault(key, {}).update(value)
    return http


def gateway_env(values: dict[str, Any]) -> dict[str, str]:
    env = {}
    for key, name in GATEWAY_ENV.items():
        if key in values:
            value = values[key]
            env[name] = ",".join(value) if isinstance(value, list) else str(value)
    return env


def route_differences(http: dict[str, Any], objects: list[dict[str, Any]]) -> list[str]:
    """What the IngressRoute routes and the file provider's routers do not share (rule, priority, chain,
    service), both ways."""
    [route] = [r for r in find(objects, "IngressRoute") if r["metadata"]["name"] == "vru"]
    assert route["spec"]["entryPoints"] == ["web"]
    chart = {
        (r["match"], r["priority"], tuple(m["name"] for m in r["middlewares"]), r["services"][0]["name"])
        for r in route["spec"]["routes"]
    }
    gateway = {
        (r["rule"], r["priority"], tuple(r["middlewares"]), r["service"])
        for r in http["routers"].values()
        if r["entryPoints"] == ["web"]
    }
    return [f"only in the gateway: {r}" for r in gateway - chart] + [f"only in the chart: {r}" for r in chart - gateway]


def middleware_differences(http: dict[str, Any], objects: list[dict[str, Any]]) -> list[str]:
    chart: dict[str, Any] = {}
    for middleware in find(objects, "Middleware"):
        spec = copy.deepcopy(middleware["spec"])
        if "chain" in spec:
            spec["chain"]["middlewares"] = [m["name"] for m in spec["chain"]["middlewares"]]
        if "errors" in spec:  # a Kubernetes Service by name and port; the file provider's service by name
            service = spec["errors"]["service"]
            assert service["port"] == 8000
            spec["errors"]["service"] = service["name"]
        chart[middleware["metadata"]["name"]] = spec
    gateway = http["middlewares"]
    differences = [f"only in the gateway: {n}" for n in set(gateway) - set(chart)]
    differences += [f"only in the chart: {n}" for n in set(chart) - set(gateway)]
    differences += [
        f"{n}: gateway {gateway[n]} != chart {chart[n]}" for n in set(gateway) & set(chart) if gateway[n] != chart[n]
    ]
    return differences


def test_routes_match_the_gateway(objects: list[dict[str, Any]], tmp_path: Path) -> None:
    assert route_differences(render_gateway({}, tmp_path), objects) == []


def test_traefik_is_ready_only_once_the_routes_are_loaded(objects: list[dict[str, Any]], tmp_path: Path) -> None:
    """Issue 16: Traefik's readiness probe (/ping) passed before the routes were loaded, when every public path got
    Go's text 404. It probes /ready, a route of the release on Traefik's own entry point, as the gateway's
    gateway-ready router on its internal one."""
    [ready] = [r for r in find(objects, "IngressRoute") if r["metadata"]["name"] == "vru-gateway-ready"]
    assert ready["spec"]["entryPoints"] == ["traefik"]
    [route] = ready["spec"]["routes"]
    assert route["services"] == [{"kind": "TraefikService", "name": "ping@internal"}]
    gateway = render_gateway({}, tmp_path)["routers"]["gateway-ready"]
    assert gateway == {"entryPoints": ["internal"], "rule": route["match"], "service": "ping@internal"}
    assert yaml.safe_load(TRAEFIK_VALUES.read_text())["deployment"]["readinessPath"] == "/ready"


def test_middlewares_match_the_gateway(objects: list[dict[str, Any]], tmp_path: Path) -> None:
    assert middleware_differences(render_gateway({}, tmp_path), objects) == []


def test_middlewares_match_the_gateway_with_other_limits(tmp_path: Path) -> None:
    """Every gateway setting of the chart reaches the same field as the gateway's variable of that name."""
    gateway_values: dict[str, Any] = {key: 7 + i for i, key in enumerate(GATEWAY_ENV) if key != "corsOrigins"}
    gateway_values["sourceIpDepth"] = 1
    gateway_values["corsOrigins"] = ["https://a.example.org", "https://b.example.org"]
    objects = render({"gateway": gateway_values})
    assert middleware_differences(render_gateway(gateway_env(gateway_values), tmp_path), objects) == []


def test_every_gateway_variable_is_a_chart_value() -> None:
    """A new VRU_* setting of the gateway's middlewares must have its chart value (and a row in GATEWAY_ENV)."""
    read = set(re.findall(r'env "(VRU_\w+)"', (GATEWAY / "middlewares.yml").read_text()))
    assert read == set(GATEWAY_ENV.values())
    defaults = yaml.safe_load((CHART / "values.yaml").read_text())["gateway"]
    assert set(GATEWAY_ENV) <= set(defaults)


def test_services_and_timeouts_match_the_gateway(objects: list[dict[str, Any]], tmp_path: Path) -> None:
    http = render_gateway({}, tmp_path)
    assert set(http["services"]) == {o["metadata"]["name"] for o in find(objects, "Service")}
    transport = one(objects, "ServersTransport", "backend")
    assert transport["spec"]["forwardingTimeouts"] == http["serversTransports"]["backend"]["forwardingTimeouts"]
    # Keep-alive to the services as in dynamic/services.yml (Go's default of 2 idle connections is far too few).
    assert transport["spec"]["maxIdleConnsPerHost"] == http["serversTransports"]["backend"]["maxIdleConnsPerHost"]
    assert transport["spec"]["maxIdleConnsPerHost"] >= 32


def edited_chart(tmp_path: Path, edit: Callable[[str], str], file: str = "files/routes.yaml") -> Path:
    chart = tmp_path / "edited" / "vru"
    shutil.copytree(CHART, chart)
    path = chart / file
    before = path.read_text()
    path.write_text(edit(before))
    assert path.read_text() != before
    return chart


def test_a_prefix_dropped_from_the_chart_fails_the_drift_check(tmp_path: Path) -> None:
    chart = edited_chart(tmp_path, lambda text: text.replace("      - /v1/grants\n", "", 1))
    differences = route_differences(render_gateway({}, tmp_path), render(chart=chart))
    assert differences
    assert any("only in the gateway" in d and "/v1/grants" in d for d in differences)


def test_a_limit_changed_in_the_chart_fails_the_drift_check(tmp_path: Path) -> None:
    chart = edited_chart(
        tmp_path, lambda text: text.replace('"maxLength" 128', '"maxLength" 256'), "templates/gateway.yaml"
    )
    differences = middleware_differences(render_gateway({}, tmp_path), render(chart=chart))
    assert [d.split(":")[0] for d in differences] == ["request-id"]


def test_the_restore_example_in_the_docs_validates() -> None:
    """docs/kubernetes.md's point-in-time recovery Cluster is a valid Cluster of the CRD kept here."""
    docs = (ROOT / "docs" / "kubernetes.md").read_text()
    examples = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", docs, re.DOTALL)]
    [cluster] = [e for e in examples if e.get("kind") == "Cluster"]
    assert cluster["spec"]["bootstrap"]["recovery"]["recoveryTarget"]["targetTime"]
    validate(cluster)


def uvicorn_flags(command: list[str]) -> dict[str, str | None]:
    """``--flag value`` and bare ``--flag`` of a uvicorn command line."""
    flags: dict[str, str | None] = {}
    for i, word in enumerate(command):
        if word.startswith("--"):
            following = command[i + 1] if i + 1 < len(command) else "--"
            flags[word] = None if following.startswith("--") else following
    return flags


@pytest.mark.parametrize("service", APPS)
def test_each_service_runs_as_compose_runs_it(objects: list[dict[str, Any]], service: str) -> None:
    """The same process as docker-compose's (tests/test_compose.py holds compose to ``vru up``)."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"][HOSTS[service]]
    [container] = one(objects, "Deployment", HOSTS[service])["spec"]["template"]["spec"]["containers"]
    assert container["command"][:2] == compose["command"][:2]
    assert uvicorn_flags(compose["command"]).items() <= uvicorn_flags(container["command"]).items()
    chart_env = {n for n in env_of(container) if not n.startswith("VRU_DB_PASSWORD_")}
    assert chart_env == set(compose["environment"])


def test_helm_lint_finds_nothing_to_fix() -> None:
    report = helm.lint(str(CHART), strict=True, kube_version="v1.33.0")
    assert report["errors"] == []
    assert [m for m in report["messages"] if m["severity"] >= 2] == []


def test_an_external_postgresql() -> None:
    """``postgres.createCluster: false``: no Cluster, the hooks and services use the given host and superuser."""
    objects = render(
        {"postgres": {"createCluster": False, "host": "db.example.org", "superuserSecret": "dba", "backup": {}}}
    )
    assert not find(objects, "Cluster")
    assert not find(objects, "ScheduledBackup")
    for obj in objects:
        validate(obj)
    penv = env_of(one(objects, "Job", "vru-provision")["spec"]["template"]["spec"]["containers"][0])
    assert penv["PGHOST"]["value"] == "db.example.org"
    assert penv["PGUSER"]["valueFrom"]["secretKeyRef"]["name"] == "dba"
    [container] = one(objects, "Deployment", "referrals")["spec"]["template"]["spec"]["containers"]
    assert "@db.example.org:5432/vru" in env_of(container)["REFERRALS_DATABASE_URL"]["value"]


def test_the_database_admits_every_pool_at_full_scale(objects: list[dict[str, Any]]) -> None:
    """max_connections holds every service pod at its HPA maximum with its pool and overflow (vru_shared.db)."""
    assert yaml.safe_load((CHART / "values.yaml").read_text())["postgres"]["servicePoolSize"] == (
        ServiceSettings.model_fields["db_pool_size"].default
    )
    pods = sum(h["spec"]["maxReplicas"] for h in find(objects, "HorizontalPodAutoscaler"))
    max_connections = int(one(objects, "Cluster", "vru-db")["spec"]["postgresql"]["parameters"]["max_connections"])
    assert pods * 2 * ServiceSettings.model_fields["db_pool_size"].default < max_connections
    with pytest.raises(helm.HelmRenderError, match="maxConnections"):
        render({"services": {"referrals": {"autoscaling": {"maxReplicas": 20}}}})


# --- Traefik's own chart: deploy/traefik-values.yaml against services/gateway/traefik.yml ------------------

TRAEFIK_VALUES = ROOT / "deploy" / "traefik-values.yaml"


def traefik_values_errors(values: dict[str, Any]) -> list[str]:
    """What the Traefik chart's values.schema.json (a copy in deploy/crds) says about ``values``, strictly (the
    chart ignores a key it does not know, so a misspelt one would silently do nothing)."""
    schema = strict(json.loads((CRDS / "traefik-chart.values.schema.json").read_text()))
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(values)]


def test_traefik_values_validate_against_the_traefik_chart() -> None:
    values = yaml.safe_load(TRAEFIK_VALUES.read_text())
    assert traefik_values_errors(values) == []
    misspelt = copy.deepcopy(values)
    misspelt["ports"]["web"]["http"]["maxHeaderByte"] = misspelt["ports"]["web"]["http"].pop("maxHeaderBytes")
    assert any("maxHeaderByte" in e for e in traefik_values_errors(misspelt))


def test_traefik_values_match_the_gateways_static_config() -> None:
    """The ingress's Traefik is configured as the gateway's: plugins, the web entry point, the logs."""
    values = yaml.safe_load(TRAEFIK_VALUES.read_text())
    static = yaml.safe_load((ROOT / "services" / "gateway" / "traefik.yml").read_text())
    plugins = values["experimental"]["localPlugins"]
    assert {n: p["moduleName"] for n, p in plugins.items()} == {
        n: p["moduleName"] for n, p in static["experimental"]["localPlugins"].items()
    }
    mounted = {v["name"] for v in values["deployment"]["additionalVolumes"]}
    for plugin in plugins.values():
        assert plugin["mountPath"] == f"/plugins-local/src/{plugin['moduleName']}"
        assert plugin["volumeName"] in mounted
        folder = ROOT / "services" / "gateway" / "plugins-local" / "src" / plugin["moduleName"]
        assert (folder / ".traefik.yml").is_file()
    web, gateway_web = values["ports"]["web"], static["entryPoints"]["web"]
    assert web["transport"] == gateway_web["transport"]
    assert web["http"]["maxHeaderBytes"] == gateway_web["http"]["maxHeaderBytes"]
    assert web["http"]["encodedCharacters"] == gateway_web["http"]["encodedCharacters"]
    # The chart's Traefik (3.7.11) knows the option by its older name.
    assert web["http"]["underscoreHeadersStrategy"] == gateway_web["http"]["aliasHeadersStrategy"]
    assert values["log"] == {k: v.upper() if k == "level" else v for k, v in static["log"].items()}
    assert values["accessLog"]["format"] == static["accessLog"]["format"]
    assert values["accessLog"]["fields"] == static["accessLog"]["fields"]
    assert values["api"] == {"dashboard": False}
    assert "api" not in static


TRAEFIK_TRACING_VALUES = ROOT / "deploy" / "traefik-tracing-values.yaml"


def test_traefik_tracing_values_are_the_gateways_tracing_section() -> None:
    """The ingress's Traefik traces as the gateway does under ``vru up`` with an endpoint (vru_dev.gateway)."""
    values = yaml.safe_load(TRAEFIK_VALUES.read_text())
    tracing = yaml.safe_load(TRAEFIK_TRACING_VALUES.read_text())
    assert set(tracing) == {"tracing"}
    assert traefik_values_errors(merged(values, tracing)) == []
    section = copy.deepcopy(tracing["tracing"])
    # The chart's own switches (it renders --tracing.otlp.http.* only when they are on).
    assert section["otlp"].pop("enabled") is True
    assert section["otlp"]["http"].pop("enabled") is True
    endpoint = section["otlp"]["http"]["endpoint"]
    assert endpoint.endswith("/v1/traces")
    assert section == tracing_config(endpoint)
    assert "tracing" not in values  # off unless that file is given


def test_services_export_spans_only_when_the_chart_names_a_collector(objects: list[dict[str, Any]]) -> None:
    """Off by default; with ``tracing.otlpEndpoint`` every service gets the variable ``vru up`` gives it."""
    for deployment in find(objects, "Deployment"):
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            assert "OTEL_EXPORTER_OTLP_ENDPOINT" not in env_of(container)
    collector = "http://otel-collector.observability.svc.cluster.local:4318"
    traced = render({"tracing": {"otlpEndpoint": collector}})
    local = Platform(PlatformConfig(data_dir=Path("/nonexistent"), ports=Ports(), otlp_endpoint=collector))
    local.service_db_urls = {s: f"postgresql+asyncpg://{s}:pw@localhost/vru" for s in APPS}
    for service in APPS:
        [container] = one(traced, "Deployment", HOSTS[service])["spec"]["template"]["spec"]["containers"]
        assert env_of(container)["OTEL_EXPORTER_OTLP_ENDPOINT"]["value"] == collector
        assert local.service_env(service)["OTEL_EXPORTER_OTLP_ENDPOINT"] == collector
    with pytest.raises(helm.HelmValuesError):
        render({"tracing": {"otlpEndpoint": "otel-collector:4318"}})


def test_only_traefik_and_the_platform_reach_the_services(objects: list[dict[str, Any]]) -> None:
    policy = one(objects, "NetworkPolicy", "vru-services")
    selector = policy["spec"]["podSelector"]
    pod_labels = [d["spec"]["template"]["metadata"]["labels"] for d in find(objects, "Deployment")]
    assert len(pod_labels) == len(APPS)
    for labels in pod_labels:  # every service pod is selected
        assert selector["matchLabels"].items() <= labels.items()
        assert labels["app.kubernetes.io/component"] in selector["matchExpressions"][0]["values"]
    [rule] = policy["spec"]["ingress"]
    namespaces = [f["namespaceSelector"]["matchLabels"] for f in rule["from"] if "namespaceSelector" in f]
    traefik = yaml.safe_load(TRAEFIK_VALUES.read_text())
    assert namespaces == [{"kubernetes.io/metadata.name": "traefik"}]
    assert traefik["providers"]["kubernetesCRD"]["namespaces"] == ["vru"]


def test_the_notify_templates_are_given_to_the_notifications_service(monkeypatch: pytest.MonkeyPatch) -> None:
    """The unit's Notify template ids (docs/notifications.md, "E-mail and SMS") reach NOTIFICATIONS_NOTIFY_TEMPLATES,
    which the service validates at start-up; a wrong shape is refused at install."""
    templates = {"review.overdue": {"email": str(uuid.UUID(int=7)), "sms": str(uuid.UUID(int=8))}}
    objects = render({"notifications": {"notifyTemplates": templates}})
    [container] = one(objects, "Deployment", "notifications")["spec"]["template"]["spec"]["containers"]
    value = env_of(container)["NOTIFICATIONS_NOTIFY_TEMPLATES"]["value"]
    assert json.loads(value) == templates
    from notifications.settings import NotificationsSettings

    monkeypatch.setenv("NOTIFICATIONS_NOTIFY_TEMPLATES", value)
    assert NotificationsSettings().notify_templates == templates
    with pytest.raises(helm.HelmValuesError):
        render({"notifications": {"notifyTemplates": {"review.overdue": {"letter": str(uuid.UUID(int=9))}}}})
