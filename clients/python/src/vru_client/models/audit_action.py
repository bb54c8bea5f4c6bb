from enum import StrEnum


class AuditAction(StrEnum):
    CREATE = "create"
    DISCLOSE = "disclose"
    ERASE = "erase"
    EXPORT = "export"
    READ = "read"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
