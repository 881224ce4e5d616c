FROM postgres:16-bookworm
ENV PGVECTOR_VERSION=0.7.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential git postgresql-server-dev-16 \
    && git clone --branch v${PGVECTOR_VERSION} --depth 1 https://github.com/pgvector/pgvector.git /tmp/pgvector \
    && cd /tmp/pgvector \
    && make \
    && make install \
    && cd / \
    && rm -rf /tmp/pgvector \
    && apt-get purge -y --auto-remove build-essential git postgresql-server-dev-16 \
    && rm -rf /var/lib/apt/lists/*
COPY initdb/*.sql /docker-entrypoint-initdb.d/
