from vru_shared.problems import NotFound


class IncidentNotFound(NotFound):
    slug = "incident-not-found"
