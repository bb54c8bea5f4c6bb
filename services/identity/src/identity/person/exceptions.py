from vru_shared.problems import Conflict, NotFound, Unprocessable


class PersonNotFound(NotFound):
    slug = "person-not-found"


class EmailTaken(Conflict):
    slug = "email-taken"


class GuardianNotFound(NotFound):
    slug = "guardian-not-found"


class ContactsQueryIncomplete(Unprocessable):
    slug = "contacts-query-incomplete"
