from vru_shared.problems import PayloadTooLarge, Unprocessable, UnsupportedMediaType


class TooManyReports(PayloadTooLarge):
    slug = "too-many-reports"


class NotCsv(UnsupportedMediaType):
    slug = "csv-expected"


class BadCsvFile(Unprocessable):
    """The file as a whole cannot be read (header, encoding, an unclosed quote): nothing is imported."""

    slug = "bad-csv-file"
