from vru_shared.problems import Conflict, NotFound


class PersonNotFound(NotFound):
    slug = "person-not-found"


class EmailTaken(Conflict):
    slug = "email-taken"


class GuardianNotFound(NotFound):
    slug = "guardian-not-found"
