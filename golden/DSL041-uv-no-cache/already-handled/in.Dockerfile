# syntax=docker/dockerfile:1
FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim
RUN uv pip install --no-cache --system requests
RUN uv sync -n
RUN UV_NO_CACHE=1 uv sync
RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen
RUN uv venv /opt/venv
RUN uv run pytest
RUN uv --cache-dir /tmp/uv sync

FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim
ENV UV_NO_CACHE=1
RUN uv sync --frozen
