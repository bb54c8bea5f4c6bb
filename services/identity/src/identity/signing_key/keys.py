"""Key material: generate, encrypt at rest, decrypt, publish. Pure functions plus an in-process cache."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

ALGORITHM = "ES256"


@dataclass(frozen=True, slots=True)
class NewKey:
    kid: str
    private_key_pem: str
    public_jwk: dict[str, Any]


def thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638 JWK thumbprint (SHA-256, base64url) of an EC public key."""
    canonical = json.dumps({k: jwk[k] for k in ("crv", "kty", "x", "y")}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()


def public_jwk(public_key: ec.EllipticCurvePublicKey) -> dict[str, Any]:
    jwk: dict[str, Any] = json.loads(ECAlgorithm.to_jwk(public_key))
    return {"kty": jwk["kty"], "crv": jwk["crv"], "x": jwk["x"], "y": jwk["y"]}


def generate(passphrase: bytes) -> NewKey:
    """A fresh P-256 key pair; the private half encrypted with ``passphrase``."""
    private = ec.generate_private_key(ec.SECP256R1())
    jwk = public_jwk(private.public_key())
    kid = thumbprint(jwk)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase),
    ).decode()
    return NewKey(kid=kid, private_key_pem=pem, public_jwk={**jwk, "kid": kid, "use": "sig", "alg": ALGORITHM})


def decrypt(private_key_pem: str, passphrase: bytes) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(private_key_pem.encode(), password=passphrase)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise TypeError("a signing key must be an EC key")
    return key


def published_jwk(stored: dict[str, Any]) -> dict[str, Any]:
    """Only the public members, whatever the stored document holds."""
    return {k: stored[k] for k in ("kty", "crv", "x", "y", "kid", "use", "alg") if k in stored}


class KeyRing:
    """Decrypted private keys by ``kid``, kept in-process so a token does not cost a decryption."""

    def __init__(self) -> None:
        self._keys: dict[str, ec.EllipticCurvePrivateKey] = {}

    def get(self, kid: str) -> ec.EllipticCurvePrivateKey | None:
        return self._keys.get(kid)

    def put(self, kid: str, key: ec.EllipticCurvePrivateKey) -> None:
        # Only the active key is ever needed; drop the others so retired material leaves memory.
        self._keys = {kid: key}
