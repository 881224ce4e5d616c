FROM opensuse/leap:15.5
RUN zypper refresh
RUN zypper --non-interactive install --no-recommends \
        gcc \
        make && \
    zypper clean --all
RUN zypper -n in git-core && git --version && zypper clean --all
RUN zypper --non-interactive update && zypper clean --all
