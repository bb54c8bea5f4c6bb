from vru_shared.problems import NotFound, PayloadTooLarge, Unprocessable, UnsupportedMediaType


class IncidentNotFound(NotFound):
    slug = "incident-not-found"


class TooManyReports(PayloadTooLarge):
    slug = "too-many-reports"


class NotCsv(UnsupportedMediaType):
    slug = "csv-expected"


class BadCsvFile(Unprocessable):
    """The file as a whole cannot be read (header, encoding, an unclosed quote): nothing is imported."""

    slug = "bad-csv-file"
