FROM rockylinux:9
RUN dnf -y update && \
    dnf -y install \
        gcc-c++ \
        cmake && \
    dnf clean all
RUN dnf install -y git \
 && git --version \
 && dnf clean all
