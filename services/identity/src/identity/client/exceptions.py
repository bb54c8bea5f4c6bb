from vru_shared.problems import Conflict, NotFound


class ApiClientNotFound(NotFound):
    slug = "client-not-found"


class ClientIdTaken(Conflict):
    slug = "client-id-taken"
