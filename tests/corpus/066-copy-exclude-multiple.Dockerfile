# syntax=docker/dockerfile:1.7-labs
FROM python:3.12-slim
WORKDIR /srv
COPY --exclude=.git \
     --exclude=.venv \
     --exclude=__pycache__ \
     --exclude="**/*.pyc" \
     --exclude=tests/ \
     . .
