"""The mixed-load bench's paced run (``bench/mixed.py``, issue 17 item 6) against a real HTTP server that answers
slower than the schedule asks: latency counts from each request's due time, so the queue a slow answer causes
shows (no coordinated omission), and the schedule is the same in every run."""

import asyncio
import itertools
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from vru_cli.deploy import REPO_ROOT

if str(REPO_ROOT) not in sys.path:  # bench/ is the repository's, run as `python -m bench.run`, not installed
    sys.path.insert(0, str(REPO_ROOT))

from bench.mixed import Route, paced, percentile, schedule

ANSWER_SECONDS = 0.05


class Slow(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(ANSWER_SECONDS)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def slow_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join()


async def get(client: httpx.AsyncClient, route: str) -> bool | None:
    return (await client.get("/")).status_code == 200


def test_the_schedule_is_seeded_per_client_with_the_mean_asked() -> None:
    first = schedule(0, 2_000, mean=1.0)
    assert first == schedule(0, 2_000, mean=1.0)  # the same due times in every run, product and reference
    assert first != schedule(1, 2_000, mean=1.0)
    assert 1_800 < len(first) < 2_200  # ~1 a second on average
    assert all(b > a for a, b in itertools.pairwise(first))


def test_a_slow_answer_cannot_hide_the_queue_it_causes(slow_server: str) -> None:
    # One client due every ~20 ms for 0.5 s while each answer takes 50 ms: the requests queue at the client, and
    # their latency from the due time grows through the run.
    route = (Route("slow", 1),)
    run = asyncio.run(paced(slow_server, route, 0.5, get, clients=1, mean=0.02))
    times = [s.ms for s in run.samples]
    assert run.due > 10
    assert len(run.samples) == run.due  # every request due was sent, late or not
    assert sum(s.queued for s in run.samples) > len(run.samples) // 2
    assert percentile(times, 0.99) > 5 * ANSWER_SECONDS * 1000
    # Timed from its sending, as a closed-loop client times it, each took about one answer's time: hidden.
    assert statistics.median((s.ended - s.sent) * 1000 for s in run.samples) < 3 * ANSWER_SECONDS * 1000


def test_a_fast_answer_to_an_idle_client_counts_from_its_sending(slow_server: str) -> None:
    # Due every ~1 s, answered in 50 ms: each client is idle at its due times, nothing queues.
    run = asyncio.run(paced(slow_server, (Route("slow", 1),), 3.0, get, clients=2, mean=1.0))
    assert run.samples
    assert not any(s.queued for s in run.samples)
    for sample in run.samples:
        assert sample.ms == pytest.approx((sample.ended - sample.sent) * 1000)
        assert sample.ms >= ANSWER_SECONDS * 1000
