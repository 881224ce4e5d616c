FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev curl && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 web
WORKDIR /srv/web
COPY requirements.txt .
RUN pip install --no-cache-dir psycopg2==2.9.9 -r requirements.txt
COPY --chown=web . .
USER web
HEALTHCHECK CMD curl -fsS http://localhost:8000/health || exit 1
CMD ["python", "-m", "web"]
