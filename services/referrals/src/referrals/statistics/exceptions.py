from vru_shared.problems import Unprocessable


class BadPeriod(Unprocessable):
    slug = "bad-period"


class BadGrouping(Unprocessable):
    slug = "bad-group-by"
