FROM mcr.microsoft.com/devcontainers/base:ubuntu-22.04
ARG NODE_MAJOR=20
ARG INSTALL_ZSH="true"
RUN apt-get update && export DEBIAN_FRONTEND=noninteractive \
    && apt-get -y install --no-install-recommends \
        shellcheck \
        direnv \
        fzf \
        ripgrep \
    && apt-get autoremove -y && apt-get clean -y && rm -rf /var/lib/apt/lists/*
RUN if [ "${INSTALL_ZSH}" = "true" ]; then apt-get update && apt-get install -y zsh; fi
RUN su vscode -c "mkdir -p /home/vscode/.local/bin"
COPY --chown=vscode:vscode .devcontainer/post-create.sh /home/vscode/.local/bin/
