from vru_shared.problems import Conflict, Forbidden, NotFound, Unprocessable


class MeetingNotFound(NotFound):
    slug = "meeting-not-found"


class ActionNotFound(NotFound):
    slug = "action-not-found"


class InvalidMeeting(Unprocessable):
    slug = "invalid-meeting"


class OutsideYourDistricts(Forbidden):
    slug = "outside-your-districts"


class NotOnAgenda(Conflict):
    slug = "not-on-agenda"


class AlreadyDecided(Conflict):
    slug = "already-decided"


class MeetingNotOpen(Conflict):
    slug = "meeting-not-open"


class OwnerOnly(Forbidden):
    slug = "owner-only"
