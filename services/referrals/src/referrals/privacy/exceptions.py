from vru_shared.problems import Conflict


class CaseworkStillOpen(Conflict):
    """Erasure refused: something about the young person is still open."""

    slug = "casework-still-open"
