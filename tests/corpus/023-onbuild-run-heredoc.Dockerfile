# syntax=docker/dockerfile:1
FROM python:3.12-slim
ONBUILD COPY requirements.txt /tmp/requirements.txt
ONBUILD RUN <<EOF
set -eu
pip install -r /tmp/requirements.txt
rm /tmp/requirements.txt
EOF
ONBUILD COPY . /app
