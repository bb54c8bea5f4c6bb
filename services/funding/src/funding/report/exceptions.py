from vru_shared.problems import Unprocessable


class BadGrouping(Unprocessable):
    slug = "bad-group-by"
