FROM python:3.12-slim
RUN useradd -m app
USER app
RUN pip install --user --no-cache-dir requests
