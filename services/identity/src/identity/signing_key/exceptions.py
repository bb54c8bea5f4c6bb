from vru_shared.problems import NotFound, ServiceUnavailable


class NoActiveSigningKey(ServiceUnavailable):
    slug = "no-signing-key"
    title = "No signing key"


class SigningKeyNotFound(NotFound):
    slug = "signing-key-not-found"
