# The image docker-compose.yml runs as `web` and `worker`.

# GOV.UK Frontend is compiled with Node; only the built CSS, JS and assets reach the image.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static/src static/src
RUN npm run --silent build \
    && mkdir -p static/vendor/govuk \
    && cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/vendor/govuk/ \
    && cp -r node_modules/govuk-frontend/dist/govuk/assets static/vendor/govuk/

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MPLCONFIGDIR=/tmp/matplotlib
# WeasyPrint draws text with Pango and subsets fonts with HarfBuzz.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml ./
RUN pip install .
COPY . .
COPY --from=assets /app/static/vendor static/vendor
RUN useradd --system --uid 1000 --home-dir /app scrutiny \
    && mkdir -p /app/media /app/staticfiles \
    && chown scrutiny /app/media /app/staticfiles
USER scrutiny
EXPOSE 8000
CMD ["gunicorn", "scrutiny.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2"]
