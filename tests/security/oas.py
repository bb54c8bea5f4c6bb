"""Reading the services' OpenAPI documents: operations, references, a JSON Schema validator for the subset
FastAPI emits (it checks responses strictly: no undocumented field), values made from the schemas (the
records of the security world) and hostile strings. Generating inputs from the schemas — boundary, negative
and random values — is schemathesis's (``test_schemathesis.py``).
"""

from __future__ import annotations

import random
import re
import string
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

Schema = dict[str, Any]

#: Operations per service, counted by test_policy_matrix and printed at the end of the run (conftest).
COUNTED: dict[str, int] = {}

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class Operation:
    service: str
    method: str
    path: str
    op: dict[str, Any]
    document: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.service} {self.method} {self.path}"

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    @property
    def public(self) -> bool:
        """No bearer token asked for (the token endpoint's optional HTTP Basic client login is not one)."""
        return not any("HTTPBearer" in requirement for requirement in self.op.get("security", []))

    def parameters(self, location: str) -> list[dict[str, Any]]:
        return [p for p in self.op.get("parameters", []) if p["in"] == location]

    @property
    def path_params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)

    def body(self) -> tuple[str, Schema] | None:
        """The request body's media type and schema (the first declared), if it takes one."""
        content = self.op.get("requestBody", {}).get("content", {})
        for media_type, media in content.items():
            return media_type, resolve(self.document, media.get("schema", {}))
        return None

    @property
    def body_required(self) -> bool:
        return bool(self.op.get("requestBody", {}).get("required"))

    def statuses(self) -> set[int]:
        return {int(s) for s in self.op.get("responses", {}) if s.isdigit()}

    def response_schema(self, status: int, media_type: str) -> Schema | None:
        response = self.op.get("responses", {}).get(str(status))
        if response is None:
            return None
        content = response.get("content", {})
        media = content.get(media_type)
        if media is None:
            return None
        schema: Schema = media.get("schema", {})
        return schema

    def examples(self) -> list[Any]:
        """The request body's examples (media-level first, then the schema's)."""
        found: list[Any] = []
        content = self.op.get("requestBody", {}).get("content", {})
        for media in content.values():
            if "example" in media:
                found.append(media["example"])
            found += [e.get("value", e) for e in media.get("examples", {}).values()]
            schema = resolve(self.document, media.get("schema", {}))
            if "example" in schema:
                found.append(schema["example"])
            found += list(schema.get("examples", []))
            break
        return found


def operations(service: str, document: dict[str, Any]) -> list[Operation]:
    return [
        Operation(service, method.upper(), path, op, document)
        for path, item in document["paths"].items()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def resolve(document: dict[str, Any], schema: Schema) -> Schema:
    seen = 0
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
        seen += 1
        if seen > 20:
            raise ValueError("reference loop")
    return schema


def variants(document: dict[str, Any], schema: Schema) -> list[Schema]:
    """The alternatives of an ``anyOf``/``oneOf`` (resolved), or the schema itself."""
    schema = resolve(document, schema)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if not alternatives:
        return [schema]
    out: list[Schema] = []
    for alternative in alternatives:
        out += variants(document, alternative)
    return out


def non_null(document: dict[str, Any], schema: Schema) -> Schema | None:
    """The one non-null alternative of ``X | None`` (or the schema itself)."""
    options = [v for v in variants(document, schema) if v.get("type") != "null"]
    return options[0] if len(options) == 1 else None


# --------------------------------------------------------------------------------------------------
# Validation (the JSON Schema subset FastAPI and pydantic emit)

_FORMATS = {
    "uuid": lambda v: bool(uuid.UUID(v)),
    "date": lambda v: bool(date.fromisoformat(v)),
    "date-time": lambda v: bool(datetime.fromisoformat(v.replace("Z", "+00:00"))),
}


def validate(document: dict[str, Any], schema: Schema, value: Any, where: str = "$", *, strict: bool) -> list[str]:
    """Errors of ``value`` against ``schema``. With ``strict``, an object schema that lists its properties
    and says nothing of others must not carry others (a response that says more than documented)."""
    schema = resolve(document, schema)
    errors: list[str] = []
    for key in ("anyOf", "oneOf"):
        if key in schema:
            if not any(not validate(document, s, value, where, strict=strict) for s in schema[key]):
                best = min(
                    (validate(document, s, value, where, strict=strict) for s in schema[key]), key=len, default=[]
                )
                errors.append(f"{where}: matches none of {key} ({'; '.join(best[:2])})")
            return errors
    for sub in schema.get("allOf", []):
        errors += validate(document, sub, value, where, strict=strict)
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if kind else []
    if kinds and not any(_is(k, value) for k in kinds):
        return [*errors, f"{where}: {type(value).__name__} is not {kind}"]
    if isinstance(value, str):
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{where}: longer than {schema['maxLength']}")
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append(f"{where}: shorter than {schema['minLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value[:40]!r} does not match {schema['pattern']}")
        check = _FORMATS.get(schema.get("format", ""))
        if check is not None:
            try:
                check(value)
            except ValueError:
                errors.append(f"{where}: {value[:40]!r} is not a {schema['format']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: above {schema['maximum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            errors.append(f"{where}: not above {schema['exclusiveMinimum']}")
        if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
            errors.append(f"{where}: not below {schema['exclusiveMaximum']}")
    if isinstance(value, list):
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: more than {schema['maxItems']} items")
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{where}: fewer than {schema['minItems']} items")
        items = schema.get("items")
        if isinstance(items, dict):
            for i, item in enumerate(value):
                errors += validate(document, items, item, f"{where}[{i}]", strict=strict)
        for i, (item, sub) in enumerate(zip(value, schema.get("prefixItems", []), strict=False)):
            errors += validate(document, sub, item, f"{where}[{i}]", strict=strict)
    if isinstance(value, dict):
        properties: dict[str, Schema] = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{where}: missing {name}")
        extra = schema.get("additionalProperties")
        for name, item in value.items():
            if name in properties:
                errors += validate(document, properties[name], item, f"{where}.{name}", strict=strict)
            elif isinstance(extra, dict):
                errors += validate(document, extra, item, f"{where}.{name}", strict=strict)
            elif extra is False or (strict and properties and extra is None):
                errors.append(f"{where}: undocumented property {name!r}")
    return errors


def _is(kind: str, value: Any) -> bool:
    return {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
        "null": value is None,
    }.get(kind, True)


# --------------------------------------------------------------------------------------------------
# Input bounds (API4): every string has a length limit, every array an item limit, every map a key limit

#: A pattern anchored at both ends whose quantifiers are all bounded also bounds the length.
_UNBOUNDED = re.compile(r"(?<!\\)[*+]|\{\d+,\}")


def bounded_pattern(pattern: str | None) -> bool:
    if not pattern:
        return False
    return pattern.startswith("^") and pattern.endswith("$") and not _UNBOUNDED.search(pattern)


def unbounded_inputs(document: dict[str, Any], schema: Schema, where: str = "") -> Iterator[str]:
    """Where an input schema accepts strings, arrays or maps of any size."""
    yield from _unbounded(document, schema, where, frozenset())


def _unbounded(document: dict[str, Any], schema: Schema, where: str, seen: frozenset[str]) -> Iterator[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return
        seen, where = seen | {name}, where or name
        schema = resolve(document, schema)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            yield from _unbounded(document, sub, where, seen)
    kind = schema.get("type")
    if kind == "string":
        if not (
            "maxLength" in schema
            or "enum" in schema
            or "const" in schema
            or schema.get("format") in {"uuid", "date", "date-time", "time", "binary"}
            or bounded_pattern(schema.get("pattern"))
        ):
            yield f"{where}: a string without maxLength"
    elif kind == "array":
        if "maxItems" not in schema:
            yield f"{where}: an array without maxItems"
        if isinstance(schema.get("items"), dict):
            yield from _unbounded(document, schema["items"], where + "[]", seen)
    elif kind in {"integer", "number"}:
        if "maximum" not in schema and "exclusiveMaximum" not in schema and "enum" not in schema:
            yield f"{where}: a number without maximum"
    elif kind == "object" or "properties" in schema:
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            if "maxProperties" not in schema:
                yield f"{where}: a map without maxProperties"
            yield from _unbounded(document, extra, where + ".*", seen)
        for name, sub in schema.get("properties", {}).items():
            yield from _unbounded(document, sub, f"{where}.{name}", seen)


def open_objects(document: dict[str, Any], schema: Schema, where: str = "") -> Iterator[str]:
    """Object schemas in an input that accept properties they do not declare (``extra="forbid"`` missing)."""
    yield from _open(document, schema, where, frozenset())


def _open(document: dict[str, Any], schema: Schema, where: str, seen: frozenset[str]) -> Iterator[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return
        seen, where = seen | {name}, name
        schema = resolve(document, schema)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            yield from _open(document, sub, where, seen)
    if schema.get("type") == "object" or "properties" in schema:
        extra = schema.get("additionalProperties")
        if extra is not False and not isinstance(extra, dict):
            yield where or "(inline object)"
        for name, sub in schema.get("properties", {}).items():
            yield from _open(document, sub, f"{where}.{name}", seen)
        if isinstance(extra, dict):
            yield from _open(document, extra, where + ".*", seen)
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        yield from _open(document, schema["items"], where + "[]", seen)


# --------------------------------------------------------------------------------------------------
# Values from schemas


def sample(document: dict[str, Any], schema: Schema, rng: random.Random, depth: int = 0) -> Any:
    """A value that satisfies ``schema`` as far as its own keywords go (examples first)."""
    schema = resolve(document, schema)
    if schema.get("examples"):
        return rng.choice(schema["examples"])
    if "example" in schema:
        return schema["example"]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        concrete = [o for o in options if resolve(document, o).get("type") != "null"] or options
        return sample(document, rng.choice(concrete), rng, depth)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return rng.choice(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "uuid":
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if fmt == "date":
            return date(2026, 1 + rng.randrange(12), 1 + rng.randrange(28)).isoformat()
        if fmt == "date-time":
            return datetime(2026, 1 + rng.randrange(12), 1 + rng.randrange(28), tzinfo=UTC).isoformat()
        low = schema.get("minLength", 1)
        high = min(schema.get("maxLength", low + 12), low + 12)
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(low, max(low, high))))
    if kind == "integer":
        low = schema.get("minimum", schema.get("exclusiveMinimum", -1) + 1)
        high = schema.get("maximum", schema.get("exclusiveMaximum", low + 101) - 1)
        return rng.randint(int(low), int(max(low, min(high, low + 100))))
    if kind == "number":
        low = schema.get("minimum", 0)
        high = schema.get("maximum", low + 100)
        return round(rng.uniform(low, high), 4)
    if kind == "boolean":
        return rng.choice([True, False])
    if kind == "array":
        items = schema.get("items", {})
        count = max(schema.get("minItems", 0), 1 if depth < 3 else 0)
        return [sample(document, items, rng, depth + 1) for _ in range(count)]
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        return {
            name: sample(document, sub, rng, depth + 1)
            for name, sub in properties.items()
            if name in required or (depth < 2 and rng.random() < 0.5)
        }
    return None


def hostile_strings() -> list[str]:
    """Strings that break naive code: injections, traversal, control characters, odd unicode, size. (NUL has
    its own test: PostgreSQL cannot store it.)"""
    return [
        "' OR '1'='1",
        "'; DROP TABLE referrals; --",
        "../../../../etc/passwd",
        "%00",
        "<script>alert(1)</script>",
        "${jndi:ldap://example.org/a}",
        "\u202e\ufeff\U0001f5e1",
        "\x1b[31m\r\nInjected: log line",
        "\ud7ff" * 3,
        "x" * 5000,
        "-1",
        "1e309",
        "null",
        "[]",
    ]


def string_leaves(value: Any, where: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Paths to the string values inside a JSON value (for nested bodies such as a batch of reports)."""
    if isinstance(value, str):
        yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from string_leaves(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from string_leaves(item, (*where, index))


def replaced(value: Any, where: tuple[str | int, ...], new: Any) -> Any:
    if not where:
        return new
    head, *rest = where
    if isinstance(value, dict):
        return {**value, head: replaced(value[head], tuple(rest), new)}
    copy = list(value)
    copy[int(head)] = replaced(copy[int(head)], tuple(rest), new)
    return copy
