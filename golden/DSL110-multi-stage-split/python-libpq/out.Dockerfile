FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev curl && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 web
WORKDIR /srv/web
COPY requirements.txt .
RUN python3 -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN pip install --no-cache-dir psycopg2==2.9.9 -r requirements.txt

FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 curl && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 web
WORKDIR /srv/web
ENV PATH="/opt/venv/bin:$PATH"
COPY --from=build /opt/venv /opt/venv
COPY --from=build /srv/web /srv/web
COPY --chown=web . .
USER web
HEALTHCHECK CMD curl -fsS http://localhost:8000/health || exit 1
CMD ["python", "-m", "web"]
