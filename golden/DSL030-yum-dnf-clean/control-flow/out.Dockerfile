FROM fedora:40
RUN if [ "$DEBUG" = 1 ]; then dnf install -y gdb; fi
RUN test -f /etc/fedora-release && dnf install -y gcc; echo done
RUN (dnf install -y make) && dnf clean all
RUN dnf install -y git || true
RUN sudo dnf install -y jq
RUN set -e; dnf install -y file && dnf clean all
