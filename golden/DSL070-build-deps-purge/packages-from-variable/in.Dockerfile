FROM python:3.12-slim
ARG BUILD_DEPS="gcc libpq-dev"
RUN apt-get update && apt-get install -y --no-install-recommends $BUILD_DEPS && pip install psycopg2
