from typing import Annotated

from fastapi import Depends, Path, Request

from identity.signing_key.keys import KeyRing

Kid = Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="The key id (`kid`).")]


def get_key_ring(request: Request) -> KeyRing:
    ring = request.app.state.key_ring
    assert isinstance(ring, KeyRing)
    return ring


Ring = Annotated[KeyRing, Depends(get_key_ring)]
