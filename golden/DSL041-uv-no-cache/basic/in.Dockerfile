FROM python:3.12-slim
RUN uv pip install --system -r requirements.txt
RUN uv sync --frozen
RUN uv pip sync requirements.lock
RUN uv add httpx && uv tool install ruff
RUN python -m uv pip install flask
RUN uv --directory /app sync
