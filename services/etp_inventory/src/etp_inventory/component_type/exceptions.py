from vru_shared.problems import NotFound


class ComponentTypeNotFound(NotFound):
    slug = "component-type-not-found"
