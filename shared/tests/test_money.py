"""Money in requests: strict integer pence (issue 13: ``true``, ``"100"`` and ``1000.0`` were taken as pence)."""

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from vru_shared.money import MAX_PENCE, Pence, PositivePence


class Payment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount_pence: PositivePence
    floor_pence: Pence | None = None


@pytest.mark.parametrize("value", ["true", '"100"', "1000.0", "1e3", "null", "[100]", '{"p": 1}'])
@pytest.mark.parametrize("field", ["amount_pence", "floor_pence"])
def test_only_a_json_integer_is_pence(field: str, value: str) -> None:
    other = "floor_pence" if field == "amount_pence" else "amount_pence"
    if field == "floor_pence" and value == "null":
        return  # floor_pence is optional: null is "not given"
    with pytest.raises(ValidationError) as refused:
        Payment.model_validate_json(f'{{"{field}": {value}, "{other}": 5}}')
    assert [e["loc"] for e in refused.value.errors()] == [(field,)]


def test_python_values_are_as_strict() -> None:
    for value in (True, "100", 1000.0):
        with pytest.raises(ValidationError):
            Payment.model_validate({"amount_pence": value})


def test_a_plain_integer_is_pence() -> None:
    assert Payment.model_validate_json('{"amount_pence": 1000, "floor_pence": 0}') == Payment(
        amount_pence=1000, floor_pence=0
    )
    assert Payment.model_validate_json(f'{{"amount_pence": {MAX_PENCE}}}').amount_pence == MAX_PENCE


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('{"amount_pence": 0}', "amount_pence"),
        ('{"amount_pence": -1}', "amount_pence"),
        (f'{{"amount_pence": {MAX_PENCE + 1}}}', "amount_pence"),
        ('{"amount_pence": 1, "floor_pence": -1}', "floor_pence"),
    ],
)
def test_bounds(body: str, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Payment.model_validate_json(body)
    assert [e["loc"] for e in refused.value.errors()] == [(field,)]


def test_the_openapi_type_stays_integer() -> None:
    properties = Payment.model_json_schema()["properties"]
    assert properties["amount_pence"] == properties["amount_pence"] | {
        "type": "integer",
        "exclusiveMinimum": 0,
        "maximum": MAX_PENCE,
    }
    assert {"type": "integer", "minimum": 0, "maximum": MAX_PENCE}.items() <= properties["floor_pence"]["anyOf"][
        0
    ].items()
