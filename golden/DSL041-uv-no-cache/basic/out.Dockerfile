FROM python:3.12-slim
RUN uv pip install --no-cache --system -r requirements.txt
RUN uv sync --no-cache --frozen
RUN uv pip sync --no-cache requirements.lock
RUN uv add --no-cache httpx && uv tool install --no-cache ruff
RUN python -m uv pip install --no-cache flask
RUN uv --directory /app sync --no-cache
