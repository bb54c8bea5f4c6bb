from vru_shared.problems import PayloadTooLarge, ServiceUnavailable, Unprocessable, UnsupportedMediaType


class TooManyReports(PayloadTooLarge):
    slug = "too-many-reports"


class NotCsv(UnsupportedMediaType):
    slug = "csv-expected"


class BadCsvFile(Unprocessable):
    """The file as a whole cannot be read (header, encoding, an unclosed quote): nothing is imported."""

    slug = "bad-csv-file"


class ImportStillRunning(ServiceUnavailable):
    """Another import held the intake lock for longer than ``intake_lock_wait_seconds``: nothing was imported."""

    def __init__(self, waited: float) -> None:
        super().__init__(
            f"Another import is still running after {waited:.0f} s; nothing was imported. Send this one again.",
            headers={"Retry-After": "5"},
        )
