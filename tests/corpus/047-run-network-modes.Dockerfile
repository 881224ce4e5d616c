# syntax=docker/dockerfile:1
FROM python:3.11 AS deps
RUN pip download --dest /wheels -r /dev/null
RUN --network=none pip install --no-index --find-links /wheels -r /dev/null
RUN --network=host curl -fsS http://localhost:8080/ || true
RUN --network=default echo default network
