FROM fedora:40
RUN dnf install -y \
# build tools
        make \
        gcc && \
    dnf clean all
