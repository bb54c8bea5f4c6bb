"""The library every VRU service is built from."""

import sys

# httpx imports its command-line client (``httpx._main``: click, rich and pygments, ~5 MB of a service's memory from
# its start) whenever those happen to be installed; no service runs it. Marked absent before httpx is first
# imported, httpx defines its stub ``main`` instead (issue 17: idle RSS ≤ 100 MB per service).
if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
