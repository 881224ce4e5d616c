FROM python:3.12-slim
# dslim-rewrite ignore=DSL041
RUN uv sync --frozen
RUN uv pip install --no-cache --system httpx
