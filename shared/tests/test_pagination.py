from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from vru_shared.pagination import decode_cursor, encode_cursor
from vru_shared.problems import BadRequest


def test_cursor_round_trip_keeps_types() -> None:
    values = [datetime(2020, 6, 1, 12, 30, tzinfo=UTC), date(2020, 4, 1), uuid4(), 42, "swale"]
    assert decode_cursor(encode_cursor(values), len(values)) == values


@pytest.mark.parametrize("cursor", ["", "%%%", encode_cursor([1, 2]), "e30"])
def test_bad_cursor_is_400(cursor: str) -> None:
    with pytest.raises(BadRequest):
        decode_cursor(cursor, 1)
