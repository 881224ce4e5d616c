# syntax=docker/dockerfile:1
# Test matrix image generated for several runtime versions.
# This file uses CRLF line endings and starts with a byte order mark.
ARG BASE=debian:bookworm-slim

# --- python 3.8 ---
FROM ${BASE} AS python38
LABEL matrix.language="python" \
      matrix.version="3.8"
ENV MATRIX_LANG=python MATRIX_VERSION=3.8
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/python/3.8/linux-x64.tar.xz \
    && mkdir -p /opt/python38 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/python38 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/python38/bin:$PATH
WORKDIR /work
COPY tests/python/ ./tests/
RUN ./tests/run.sh python 3.8
CMD ["./tests/run.sh", "python", "3.8"]

# --- python 3.9 ---
FROM ${BASE} AS python39
LABEL matrix.language="python" \
      matrix.version="3.9"
ENV MATRIX_LANG=python MATRIX_VERSION=3.9
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/python/3.9/linux-x64.tar.xz \
    && mkdir -p /opt/python39 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/python39 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/python39/bin:$PATH
WORKDIR /work
COPY tests/python/ ./tests/
RUN ./tests/run.sh python 3.9
CMD ["./tests/run.sh", "python", "3.9"]

# --- python 3.10 ---
FROM ${BASE} AS python310
LABEL matrix.language="python" \
      matrix.version="3.10"
ENV MATRIX_LANG=python MATRIX_VERSION=3.10
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/python/3.10/linux-x64.tar.xz \
    && mkdir -p /opt/python310 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/python310 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/python310/bin:$PATH
WORKDIR /work
COPY tests/python/ ./tests/
RUN ./tests/run.sh python 3.10
CMD ["./tests/run.sh", "python", "3.10"]

# --- python 3.11 ---
FROM ${BASE} AS python311
LABEL matrix.language="python" \
      matrix.version="3.11"
ENV MATRIX_LANG=python MATRIX_VERSION=3.11
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/python/3.11/linux-x64.tar.xz \
    && mkdir -p /opt/python311 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/python311 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/python311/bin:$PATH
WORKDIR /work
COPY tests/python/ ./tests/
RUN ./tests/run.sh python 3.11
CMD ["./tests/run.sh", "python", "3.11"]

# --- python 3.12 ---
FROM ${BASE} AS python312
LABEL matrix.language="python" \
      matrix.version="3.12"
ENV MATRIX_LANG=python MATRIX_VERSION=3.12
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/python/3.12/linux-x64.tar.xz \
    && mkdir -p /opt/python312 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/python312 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/python312/bin:$PATH
WORKDIR /work
COPY tests/python/ ./tests/
RUN ./tests/run.sh python 3.12
CMD ["./tests/run.sh", "python", "3.12"]

# --- python 3.13 ---
FROM ${BASE} AS python313
LABEL matrix.language="python" \
      matrix.version="3.13"
ENV MATRIX_LANG=python MATRIX_VERSION=3.13
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/python/3.13/linux-x64.tar.xz \
    && mkdir -p /opt/python313 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/python313 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/python313/bin:$PATH
WORKDIR /work
COPY tests/python/ ./tests/
RUN ./tests/run.sh python 3.13
CMD ["./tests/run.sh", "python", "3.13"]

# --- node 16 ---
FROM ${BASE} AS node16
LABEL matrix.language="node" \
      matrix.version="16"
ENV MATRIX_LANG=node MATRIX_VERSION=16
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/node/16/linux-x64.tar.xz \
    && mkdir -p /opt/node16 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/node16 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/node16/bin:$PATH
WORKDIR /work
COPY tests/node/ ./tests/
RUN ./tests/run.sh node 16
CMD ["./tests/run.sh", "node", "16"]

# --- node 18 ---
FROM ${BASE} AS node18
LABEL matrix.language="node" \
      matrix.version="18"
ENV MATRIX_LANG=node MATRIX_VERSION=18
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/node/18/linux-x64.tar.xz \
    && mkdir -p /opt/node18 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/node18 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/node18/bin:$PATH
WORKDIR /work
COPY tests/node/ ./tests/
RUN ./tests/run.sh node 18
CMD ["./tests/run.sh", "node", "18"]

# --- node 20 ---
FROM ${BASE} AS node20
LABEL matrix.language="node" \
      matrix.version="20"
ENV MATRIX_LANG=node MATRIX_VERSION=20
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/node/20/linux-x64.tar.xz \
    && mkdir -p /opt/node20 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/node20 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/node20/bin:$PATH
WORKDIR /work
COPY tests/node/ ./tests/
RUN ./tests/run.sh node 20
CMD ["./tests/run.sh", "node", "20"]

# --- node 21 ---
FROM ${BASE} AS node21
LABEL matrix.language="node" \
      matrix.version="21"
ENV MATRIX_LANG=node MATRIX_VERSION=21
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/node/21/linux-x64.tar.xz \
    && mkdir -p /opt/node21 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/node21 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/node21/bin:$PATH
WORKDIR /work
COPY tests/node/ ./tests/
RUN ./tests/run.sh node 21
CMD ["./tests/run.sh", "node", "21"]

# --- node 22 ---
FROM ${BASE} AS node22
LABEL matrix.language="node" \
      matrix.version="22"
ENV MATRIX_LANG=node MATRIX_VERSION=22
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/node/22/linux-x64.tar.xz \
    && mkdir -p /opt/node22 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/node22 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/node22/bin:$PATH
WORKDIR /work
COPY tests/node/ ./tests/
RUN ./tests/run.sh node 22
CMD ["./tests/run.sh", "node", "22"]

# --- ruby 3.0 ---
FROM ${BASE} AS ruby30
LABEL matrix.language="ruby" \
      matrix.version="3.0"
ENV MATRIX_LANG=ruby MATRIX_VERSION=3.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/ruby/3.0/linux-x64.tar.xz \
    && mkdir -p /opt/ruby30 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/ruby30 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/ruby30/bin:$PATH
WORKDIR /work
COPY tests/ruby/ ./tests/
RUN ./tests/run.sh ruby 3.0
CMD ["./tests/run.sh", "ruby", "3.0"]

# --- ruby 3.1 ---
FROM ${BASE} AS ruby31
LABEL matrix.language="ruby" \
      matrix.version="3.1"
ENV MATRIX_LANG=ruby MATRIX_VERSION=3.1
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/ruby/3.1/linux-x64.tar.xz \
    && mkdir -p /opt/ruby31 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/ruby31 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/ruby31/bin:$PATH
WORKDIR /work
COPY tests/ruby/ ./tests/
RUN ./tests/run.sh ruby 3.1
CMD ["./tests/run.sh", "ruby", "3.1"]

# --- ruby 3.2 ---
FROM ${BASE} AS ruby32
LABEL matrix.language="ruby" \
      matrix.version="3.2"
ENV MATRIX_LANG=ruby MATRIX_VERSION=3.2
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/ruby/3.2/linux-x64.tar.xz \
    && mkdir -p /opt/ruby32 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/ruby32 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/ruby32/bin:$PATH
WORKDIR /work
COPY tests/ruby/ ./tests/
RUN ./tests/run.sh ruby 3.2
CMD ["./tests/run.sh", "ruby", "3.2"]

# --- ruby 3.3 ---
FROM ${BASE} AS ruby33
LABEL matrix.language="ruby" \
      matrix.version="3.3"
ENV MATRIX_LANG=ruby MATRIX_VERSION=3.3
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/ruby/3.3/linux-x64.tar.xz \
    && mkdir -p /opt/ruby33 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/ruby33 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/ruby33/bin:$PATH
WORKDIR /work
COPY tests/ruby/ ./tests/
RUN ./tests/run.sh ruby 3.3
CMD ["./tests/run.sh", "ruby", "3.3"]

# --- java 11 ---
FROM ${BASE} AS java11
LABEL matrix.language="java" \
      matrix.version="11"
ENV MATRIX_LANG=java MATRIX_VERSION=11
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/java/11/linux-x64.tar.xz \
    && mkdir -p /opt/java11 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/java11 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/java11/bin:$PATH
WORKDIR /work
COPY tests/java/ ./tests/
RUN ./tests/run.sh java 11
CMD ["./tests/run.sh", "java", "11"]

# --- java 17 ---
FROM ${BASE} AS java17
LABEL matrix.language="java" \
      matrix.version="17"
ENV MATRIX_LANG=java MATRIX_VERSION=17
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/java/17/linux-x64.tar.xz \
    && mkdir -p /opt/java17 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/java17 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/java17/bin:$PATH
WORKDIR /work
COPY tests/java/ ./tests/
RUN ./tests/run.sh java 17
CMD ["./tests/run.sh", "java", "17"]

# --- java 21 ---
FROM ${BASE} AS java21
LABEL matrix.language="java" \
      matrix.version="21"
ENV MATRIX_LANG=java MATRIX_VERSION=21
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/java/21/linux-x64.tar.xz \
    && mkdir -p /opt/java21 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/java21 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/java21/bin:$PATH
WORKDIR /work
COPY tests/java/ ./tests/
RUN ./tests/run.sh java 21
CMD ["./tests/run.sh", "java", "21"]

# --- php 8.1 ---
FROM ${BASE} AS php81
LABEL matrix.language="php" \
      matrix.version="8.1"
ENV MATRIX_LANG=php MATRIX_VERSION=8.1
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/php/8.1/linux-x64.tar.xz \
    && mkdir -p /opt/php81 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/php81 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/php81/bin:$PATH
WORKDIR /work
COPY tests/php/ ./tests/
RUN ./tests/run.sh php 8.1
CMD ["./tests/run.sh", "php", "8.1"]

# --- php 8.2 ---
FROM ${BASE} AS php82
LABEL matrix.language="php" \
      matrix.version="8.2"
ENV MATRIX_LANG=php MATRIX_VERSION=8.2
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/php/8.2/linux-x64.tar.xz \
    && mkdir -p /opt/php82 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/php82 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/php82/bin:$PATH
WORKDIR /work
COPY tests/php/ ./tests/
RUN ./tests/run.sh php 8.2
CMD ["./tests/run.sh", "php", "8.2"]

# --- php 8.3 ---
FROM ${BASE} AS php83
LABEL matrix.language="php" \
      matrix.version="8.3"
ENV MATRIX_LANG=php MATRIX_VERSION=8.3
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/php/8.3/linux-x64.tar.xz \
    && mkdir -p /opt/php83 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/php83 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/php83/bin:$PATH
WORKDIR /work
COPY tests/php/ ./tests/
RUN ./tests/run.sh php 8.3
CMD ["./tests/run.sh", "php", "8.3"]

# --- go 1.20 ---
FROM ${BASE} AS go120
LABEL matrix.language="go" \
      matrix.version="1.20"
ENV MATRIX_LANG=go MATRIX_VERSION=1.20
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/go/1.20/linux-x64.tar.xz \
    && mkdir -p /opt/go120 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/go120 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/go120/bin:$PATH
WORKDIR /work
COPY tests/go/ ./tests/
RUN ./tests/run.sh go 1.20
CMD ["./tests/run.sh", "go", "1.20"]

# --- go 1.21 ---
FROM ${BASE} AS go121
LABEL matrix.language="go" \
      matrix.version="1.21"
ENV MATRIX_LANG=go MATRIX_VERSION=1.21
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/go/1.21/linux-x64.tar.xz \
    && mkdir -p /opt/go121 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/go121 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/go121/bin:$PATH
WORKDIR /work
COPY tests/go/ ./tests/
RUN ./tests/run.sh go 1.21
CMD ["./tests/run.sh", "go", "1.21"]

# --- go 1.22 ---
FROM ${BASE} AS go122
LABEL matrix.language="go" \
      matrix.version="1.22"
ENV MATRIX_LANG=go MATRIX_VERSION=1.22
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl \
        xz-utils \
    && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/runtime.tar.xz \
        https://downloads.example.org/go/1.22/linux-x64.tar.xz \
    && mkdir -p /opt/go122 \
    && tar -xJf /tmp/runtime.tar.xz -C /opt/go122 --strip-components=1 \
    && rm /tmp/runtime.tar.xz
ENV PATH=/opt/go122/bin:$PATH
WORKDIR /work
COPY tests/go/ ./tests/
RUN ./tests/run.sh go 1.22
CMD ["./tests/run.sh", "go", "1.22"]

FROM ${BASE} AS report
COPY --from=python38 /work/tests/ /report/python38/
COPY --from=python39 /work/tests/ /report/python39/
COPY --from=python310 /work/tests/ /report/python310/
COPY --from=python311 /work/tests/ /report/python311/
COPY --from=python312 /work/tests/ /report/python312/
COPY --from=python313 /work/tests/ /report/python313/
COPY --from=node16 /work/tests/ /report/node16/
COPY --from=node18 /work/tests/ /report/node18/
COPY --from=node20 /work/tests/ /report/node20/
COPY --from=node21 /work/tests/ /report/node21/
COPY --from=node22 /work/tests/ /report/node22/
COPY --from=ruby30 /work/tests/ /report/ruby30/
COPY --from=ruby31 /work/tests/ /report/ruby31/
COPY --from=ruby32 /work/tests/ /report/ruby32/
COPY --from=ruby33 /work/tests/ /report/ruby33/
COPY --from=java11 /work/tests/ /report/java11/
COPY --from=java17 /work/tests/ /report/java17/
COPY --from=java21 /work/tests/ /report/java21/
COPY --from=php81 /work/tests/ /report/php81/
COPY --from=php82 /work/tests/ /report/php82/
COPY --from=php83 /work/tests/ /report/php83/
COPY --from=go120 /work/tests/ /report/go120/
COPY --from=go121 /work/tests/ /report/go121/
COPY --from=go122 /work/tests/ /report/go122/
RUN find /report -type f | sort
