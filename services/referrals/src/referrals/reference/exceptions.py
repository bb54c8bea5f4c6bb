from vru_shared.problems import NotFound


class DistrictNotFound(NotFound):
    slug = "district-not-found"


class CoordinatorAreaNotFound(NotFound):
    slug = "coordinator-area-not-found"
