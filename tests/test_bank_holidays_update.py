"""``vru bank-holidays``: the shipped England and Wales bank holidays are refreshed from GOV.UK's feed (here a
local server speaking its format), keeping only that division, and a feed of another shape writes nothing."""

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from vru_cli.main import main
from vru_shared.bank_holidays import BankHolidays

GOV_UK_FEED: dict[str, Any] = {
    "england-and-wales": {
        "division": "england-and-wales",
        "events": [
            {"title": "Christmas Day", "date": "2029-12-25", "notes": "", "bunting": True},
            {"title": "Boxing Day", "date": "2029-12-26", "notes": "", "bunting": True},
        ],
    },
    "scotland": {"division": "scotland", "events": [{"title": "St Andrew’s Day", "date": "2029-11-30"}]},
    "northern-ireland": {"division": "northern-ireland", "events": []},
}


@pytest.fixture
def feed() -> Iterator[dict[str, Any]]:
    served: dict[str, Any] = {"body": GOV_UK_FEED}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(served["body"]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served["url"] = f"http://127.0.0.1:{server.server_address[1]}/bank-holidays.json"
    yield served
    server.shutdown()
    server.server_close()


def test_the_england_and_wales_division_is_kept(feed: dict[str, Any], tmp_path: Path) -> None:
    output = tmp_path / "bank-holidays.json"
    assert main(["bank-holidays", "--url", feed["url"], "--output", str(output)]) == 0
    kept = json.loads(output.read_text(encoding="utf-8"))
    assert list(kept) == ["england-and-wales"]
    holidays = BankHolidays.load(output)
    assert not holidays.is_working_day(date(2029, 12, 25))
    assert holidays.add_working_days(date(2029, 12, 24), 1) == date(2029, 12, 27)
    assert holidays.covers_until == date(2029, 12, 31)


def test_a_feed_of_another_shape_writes_nothing(feed: dict[str, Any], tmp_path: Path) -> None:
    output = tmp_path / "bank-holidays.json"
    output.write_text("unchanged")
    feed["body"] = {"scotland": GOV_UK_FEED["scotland"]}
    assert main(["bank-holidays", "--url", feed["url"], "--output", str(output)]) == 1
    assert output.read_text() == "unchanged"
