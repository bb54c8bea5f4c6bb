# One image for all four services; docker-compose.yml picks the service by its command.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1
RUN pip install --no-cache-dir uv==0.13.8 && useradd --create-home --uid 10001 vru
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY shared shared
COPY services services
COPY tools tools
# The runtime only: the services, the shared library and `vru migrate`; never the development kit
# (embedded PostgreSQL, Traefik binary, test helpers) nor the dev tools. tests/test_compose.py checks it.
RUN uv sync --frozen --no-dev --package vru-cli && chown -R vru /app \
    && install -d -o vru -m 0700 /var/lib/vru/audit  # the audit anchor's volume (docker-compose.yml)
ENV PATH="/app/.venv/bin:$PATH"
USER vru
EXPOSE 8000
# e.g. command: ["uvicorn", "referrals.main:create_app", "--factory", "--host", "0.0.0.0", "--port", "8000"]
CMD ["vru", "--help"]
