# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN cat <<EOF > /etc/apt/sources.list.d/extra.list
deb http://deb.debian.org/debian bookworm-backports main
EOF
RUN cat >> /etc/bash.bashrc <<'EOF'
alias ll='ls -alF'
export HISTCONTROL=ignoreboth
EOF
RUN tee /etc/sysctl.d/99-custom.conf <<EOF >/dev/null
net.core.somaxconn = 1024
EOF
