# One image for the four services and the front end; docker-compose.yml picks one by its command.

# The front end's browser assets (GOV.UK Frontend, htmx) from the npm registry, as the lock pins them.
FROM node:20-slim AS web-assets
WORKDIR /web
COPY services/web/package.json services/web/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1
RUN pip install --no-cache-dir uv==0.13.8 && useradd --create-home --uid 10001 vru
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY shared shared
COPY services services
COPY tools tools
COPY --from=web-assets /web/node_modules services/web/node_modules
# The runtime only: the services, the shared library and `vru migrate`; never the development kit
# (embedded PostgreSQL, Traefik binary, test helpers) nor the dev tools. tests/test_compose.py checks it.
RUN uv sync --frozen --no-dev --package vru-cli && chown -R vru /app \
    && install -d -o vru -m 0700 /var/lib/vru/audit  # the audit anchor's volume (docker-compose.yml)
ENV PATH="/app/.venv/bin:$PATH"
USER vru
EXPOSE 8000
# e.g. command: ["uvicorn", "referrals.main:create_app", "--factory", "--host", "0.0.0.0", "--port", "8000"]
CMD ["vru", "--help"]
