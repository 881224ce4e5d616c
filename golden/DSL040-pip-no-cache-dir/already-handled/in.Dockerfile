# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN pip install --no-cache-dir requests
RUN PIP_NO_CACHE_DIR=1 pip install flask
RUN export PIP_NO_CACHE_DIR=off && pip install black
RUN pip install --cache-dir /tmp/pip-cache numpy
RUN --mount=type=cache,target=/root/.cache/pip pip install pandas
RUN --mount=type=cache,target=/root/.cache pip install scipy
RUN pip download requests
RUN pipx install poetry
RUN pipenv install --system
RUN python -m pipx install tox
RUN echo pip install x

FROM python:3.12-slim AS env-set
ENV PIP_NO_CACHE_DIR=1
RUN pip install requests

FROM env-set
RUN pip install flask

FROM python:3.12-slim
ARG PIP_CACHE_DIR=/cache
RUN pip install requests

FROM python:3.12-slim
RUN pip config set global.no-cache-dir false
RUN pip install requests

FROM python:3.12-slim
COPY pip.conf /etc/pip.conf
RUN pip install requests
