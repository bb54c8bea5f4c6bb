from vru_shared.problems import Conflict, NotFound, Unprocessable


class ProjectNotFound(NotFound):
    slug = "project-not-found"


class ProjectCodeTaken(Conflict):
    slug = "project-code-taken"


class EvaluationNotFound(NotFound):
    slug = "evaluation-not-found"


class AlreadyEvaluated(Conflict):
    slug = "already-evaluated"


class InvalidProject(Unprocessable):
    slug = "invalid-project"
