"""The audit chain's anchor outside the database: signed checkpoints of the chain's head, appended to a file.

Without it, whoever can write the database could delete the newest entries with their seals and leave a
chain that is intact as far as it goes. A checkpoint names a position and the seal's hash there, signed with
an HMAC of the seal key (never in the database); verify finds the newest genuine checkpoint and requires the
chain to reach it with the same hash. The file is JSON lines, appended under an exclusive lock and fsynced;
put it where the database's administrators cannot write (docs/security.md, "The audit log").
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import hmac
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

#: Domain separation: a checkpoint's MAC can never be taken for a seal's.
_CONTEXT = b"vru-audit-checkpoint\n"


@dataclass(frozen=True)
class Checkpoint:
    position: int
    entry_id: int
    hash: str
    key_id: str
    at: str

    def mac(self, key: bytes) -> str:
        message = json.dumps(asdict(self), sort_keys=True, separators=(",", ":")).encode()
        return hmac.new(key, _CONTEXT + message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class AnchorReading:
    """What the anchor file says: its newest genuine checkpoint, and the lines that are not genuine."""

    newest: Checkpoint | None
    forged_lines: list[int]


class AnchorFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    async def append(self, checkpoint: Checkpoint, key: bytes) -> None:
        await asyncio.to_thread(self._append, checkpoint, key)

    def _append(self, checkpoint: Checkpoint, key: bytes) -> None:
        line = json.dumps({**asdict(checkpoint), "mac": checkpoint.mac(key)}, separators=(",", ":")) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)  # several replicas may share the file
            os.write(descriptor, line.encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    async def read(self, keys: dict[str, bytes]) -> AnchorReading:
        return await asyncio.to_thread(self._read, keys)

    def _read(self, keys: dict[str, bytes]) -> AnchorReading:
        newest: Checkpoint | None = None
        forged: list[int] = []
        try:
            handle = self.path.open(encoding="utf-8")
        except FileNotFoundError:
            return AnchorReading(None, [])
        with handle:
            for number, line in enumerate(handle, start=1):
                checkpoint = _genuine(line, keys)
                if checkpoint is None:
                    forged.append(number)
                elif newest is None or checkpoint.position > newest.position:
                    newest = checkpoint
        return AnchorReading(newest, forged)


def _genuine(line: str, keys: dict[str, bytes]) -> Checkpoint | None:
    try:
        fields = json.loads(line)
        mac = fields.pop("mac")
        checkpoint = Checkpoint(**fields)
        datetime.fromisoformat(checkpoint.at)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    key = keys.get(checkpoint.key_id)
    if key is None or not isinstance(mac, str) or not hmac.compare_digest(mac, checkpoint.mac(key)):
        return None
    if not isinstance(checkpoint.position, int) or not isinstance(checkpoint.hash, str):
        return None
    return checkpoint
