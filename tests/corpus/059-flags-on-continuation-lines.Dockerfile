# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN \
    --mount=type=cache,target=/root/.cache/pip \
    --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \
    pip install -r /tmp/requirements.txt
COPY \
  --chown=nobody:nogroup \
  --chmod=0644 \
  app.py /srv/app.py
HEALTHCHECK \
  --interval=1m \
  --timeout=10s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000')"
