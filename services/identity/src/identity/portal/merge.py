"""One OpenAPI document for the whole API, from each service's own.

Pure: ``merge_openapi`` takes the specs by service name (the first is the base, e.g. identity) and returns a
new document; the inputs are not changed. Services own disjoint paths, so paths are joined as they are (a
repeated path and method keeps the first and is listed under ``info["x-conflicts"]``). Components with the
same name and the same content are shared; with different content the later one is renamed with its
service's name as a prefix (``Funding`` + ``Page``) and every ``$ref`` to it in that service's spec is
rewritten, so nothing is silently overwritten; a renamed schema's ``title`` becomes its new name too (client
generators name their models by title, and two models of one name would lose one). Security schemes are
shared by name, so there is one ``HTTPBearer``. Every operation is marked with ``x-service``; an
``operationId`` another service already uses takes the service's name as a prefix (ids must be unique, and a
generated client names its functions after them).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
RENAMEABLE_SECTIONS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "links",
    "callbacks",
    "pathItems",
)
DEFAULT_TITLE = "VRU Platform API"
DEFAULT_DESCRIPTION = (
    "The Kent & Medway Violence Reduction Unit platform: one document for every service behind the gateway. "
    "Get a token from `POST /oauth/token` and send it as `Authorization: Bearer <token>`. Errors are RFC 9457 "
    "problem documents."
)

Spec = dict[str, Any]
Renames = dict[tuple[str, str], str]


def merge_openapi(
    specs: Mapping[str, Spec], *, title: str = DEFAULT_TITLE, description: str = DEFAULT_DESCRIPTION
) -> Spec:
    """Merge the OpenAPI documents of several services (by service name) into one."""
    first = next(iter(specs.values()), {})
    merged: Spec = {
        "openapi": first.get("openapi", "3.1.0"),
        "info": {
            "title": title,
            "version": first.get("info", {}).get("version", "1.0.0"),
            "description": _describe(description, specs),
            "x-services": list(specs),
        },
        "paths": {},
        "components": {},
        "tags": [],
    }
    components: dict[str, dict[str, Any]] = merged["components"]
    conflicts: list[str] = []
    tag_names: set[str] = set()
    operation_ids: set[str] = set()

    for service, original in specs.items():
        spec = copy.deepcopy(original)
        own: dict[str, dict[str, Any]] = spec.get("components", {}) or {}
        renames = _renames(service, own, components)
        spec = _rewrite_refs(spec, renames)
        own = spec.get("components", {}) or {}

        for section, items in own.items():
            target = components.setdefault(section, {})
            for name, value in (items or {}).items():
                new_name = renames.get((section, name), name)
                if new_name != name and section == "schemas" and isinstance(value, dict) and "title" in value:
                    value = {**value, "title": new_name}
                target.setdefault(new_name, value)

        for path, item in (spec.get("paths") or {}).items():
            merged_item = merged["paths"].setdefault(path, {})
            for key, value in item.items():
                if key in HTTP_METHODS and isinstance(value, dict):
                    if key in merged_item:
                        conflicts.append(f"{key.upper()} {path} ({service})")
                        continue
                    operation = {**value, "x-service": service}
                    operation_id = operation.get("operationId")
                    if operation_id is not None:
                        if operation_id in operation_ids:
                            operation["operationId"] = operation_id = f"{service}_{operation_id}"
                        operation_ids.add(operation_id)
                    merged_item[key] = operation
                else:
                    merged_item.setdefault(key, value)

        for tag in spec.get("tags") or []:
            name = tag.get("name")
            if name and name not in tag_names:
                tag_names.add(name)
                merged["tags"].append(tag)

    merged["components"] = {section: items for section, items in components.items() if items}
    if not merged["tags"]:
        del merged["tags"]
    if conflicts:
        merged["info"]["x-conflicts"] = conflicts
    return merged


def _describe(description: str, specs: Mapping[str, Spec]) -> str:
    lines = [description, "", "Services:", ""]
    for service, spec in specs.items():
        info = spec.get("info", {})
        lines.append(f"* **{info.get('title', service)}** (`{service}`) — {_first_line(info.get('description', ''))}")
    return "\n".join(lines)


def _first_line(text: str) -> str:
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


def _prefix(service: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in service.replace("-", "_").split("_") if part)


def _renames(service: str, own: Mapping[str, Mapping[str, Any]], merged: Mapping[str, Mapping[str, Any]]) -> Renames:
    """Which of ``service``'s components must take a new name: those whose name is taken by different content.

    Renaming one component changes the content of those that refer to it, so repeat until nothing new clashes.
    """
    renames: Renames = {}
    taken = {(section, name) for section, items in merged.items() for name in items}
    taken |= {(section, name) for section, items in own.items() for name in (items or {})}
    while True:
        rewritten = _rewrite_refs(dict(own), renames)
        added = False
        for section in RENAMEABLE_SECTIONS:
            for name, value in (rewritten.get(section) or {}).items():
                if (section, name) in renames:
                    continue
                existing = merged.get(section, {}).get(name)
                if existing is not None and existing != value:
                    new_name = _prefix(service) + name
                    counter = 2
                    while (section, new_name) in taken:
                        new_name = f"{_prefix(service)}{name}{counter}"
                        counter += 1
                    taken.add((section, new_name))
                    renames[(section, name)] = new_name
                    added = True
        if not added:
            return renames


def _rewrite_ref(ref: str, renames: Renames) -> str:
    parts = ref.split("/")
    if len(parts) >= 4 and parts[0] == "#" and parts[1] == "components":
        name = parts[3].replace("~1", "/").replace("~0", "~")
        new = renames.get((parts[2], name))
        if new is not None:
            return "/".join([*parts[:3], new.replace("~", "~0").replace("/", "~1"), *parts[4:]])
    return ref


def _rewrite_refs(node: Any, renames: Renames) -> Any:
    """A copy of ``node`` with every ``$ref`` (and discriminator mapping) to a renamed component rewritten."""
    if not renames:
        return node
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = _rewrite_ref(value, renames)
            elif key == "mapping" and isinstance(value, dict):
                out[key] = {k: _rewrite_ref(v, renames) if isinstance(v, str) else v for k, v in value.items()}
            else:
                out[key] = _rewrite_refs(value, renames)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(item, renames) for item in node]
    return node
