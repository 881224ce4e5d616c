FROM debian:bookworm-slim
RUN set -e && export DEBIAN_FRONTEND=noninteractive && apt-get update && apt-get install -y locales
RUN set -eux; \
    export LANG=C.UTF-8; \
    export TOOL_VERSION=3.4.1; \
    export TOOL_SHA=deadbeefcafebabe; \
    echo "installing $TOOL_VERSION ($TOOL_SHA)"; \
    unset TOOL_SHA
RUN set -o pipefail 2>/dev/null || true; export PATH="/opt/bin:$PATH"; echo $PATH
RUN export HOME=/root \
 && source /etc/profile 2>/dev/null || . /etc/profile \
 && env > /env.txt
