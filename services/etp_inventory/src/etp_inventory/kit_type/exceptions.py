from vru_shared.problems import Conflict, NotFound, Unprocessable


class KitTypeNotFound(NotFound):
    slug = "kit-type-not-found"


class KitTypeCodeTaken(Conflict):
    slug = "kit-type-code-taken"


class UnknownComponentType(Unprocessable):
    slug = "unknown-component-type"
