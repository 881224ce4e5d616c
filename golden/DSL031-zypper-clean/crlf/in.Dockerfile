FROM opensuse/tumbleweed
RUN zypper -n install \
        curl \
    && curl --version
