FROM python:3.12-slim AS app
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc \
# dslim-rewrite ignore=build-deps-purge
    && pip install psutil
