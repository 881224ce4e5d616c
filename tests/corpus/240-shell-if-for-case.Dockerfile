FROM debian:bookworm-slim
ARG TARGETARCH
ARG WITH_DEBUG_TOOLS=false
RUN set -e; \
    if [ "$WITH_DEBUG_TOOLS" = "true" ]; then \
        apt-get update && apt-get install -y gdb strace; \
    else \
        echo "skipping debug tools"; \
    fi
RUN for dir in cache logs tmp run; do \
        mkdir -p "/var/app/$dir"; \
        chmod 0775 "/var/app/$dir"; \
    done
RUN case "${TARGETARCH:-amd64}" in \
        amd64) ARCH=x86_64 ;; \
        arm64) ARCH=aarch64 ;; \
        *) echo "unknown arch" >&2; exit 1 ;; \
    esac; \
    echo "$ARCH" > /etc/app-arch
RUN i=0; while [ $i -lt 3 ]; do echo "attempt $i"; i=$((i+1)); done
RUN [ -f /etc/debian_version ] && echo debian || echo other
