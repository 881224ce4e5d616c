# syntax=docker/dockerfile:1
FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip --mount=type=bind,source=requirements.txt,target=/tmp/req.txt <<EOF
pip install -r /tmp/req.txt
python -m compileall -q /usr/local/lib/python3.12
EOF
