FROM rockylinux:9
RUN dnf -y update && \
    dnf -y install \
        gcc-c++ \
        cmake
RUN dnf install -y git \
 && git --version
