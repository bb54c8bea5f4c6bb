import base64
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest

from vru_shared.pagination import decode_cursor, encode_cursor
from vru_shared.problems import BadRequest

KEY = b"k" * 32
PATH = "/v1/things"


def test_cursor_round_trip_keeps_types() -> None:
    values = (datetime(2020, 6, 1, 12, 30, tzinfo=UTC), date(2020, 4, 1), uuid4(), 42, "swale")
    assert decode_cursor(encode_cursor(values, key=KEY, path=PATH), key=KEY, path=PATH) == values


def unsigned(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "%%%",
        "e30",
        unsigned(b"[null,null]"),  # well-formed but not ours: was a 500 on every keyset list
        unsigned(b"[null,null]" + b"\0" * 16),
        encode_cursor([1, 2], key=b"another service's key", path=PATH),
        encode_cursor([1, 2], key=KEY, path="/v1/other-things"),  # another list's cursor
    ],
)
def test_a_cursor_that_is_not_this_lists_is_400(cursor: str) -> None:
    with pytest.raises(BadRequest):
        decode_cursor(cursor, key=KEY, path=PATH)


def test_an_edited_cursor_is_400() -> None:
    raw = bytearray(base64.urlsafe_b64decode(encode_cursor([7, "a"], key=KEY, path=PATH) + "=="))
    raw[1] ^= 1
    with pytest.raises(BadRequest):
        decode_cursor(unsigned(bytes(raw)), key=KEY, path=PATH)
