FROM ubuntu:22.04
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]
RUN echo "$BASH_VERSION"
SHELL ["/usr/bin/env", "bash", "--login", "-c"]
RUN type bash
SHELL ["/bin/sh", "-c"]
