from vru_shared.problems import NotFound


class FinancialYearNotFound(NotFound):
    slug = "financial-year-not-found"
