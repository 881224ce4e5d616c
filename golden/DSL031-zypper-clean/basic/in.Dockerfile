FROM opensuse/leap:15.5
RUN zypper refresh
RUN zypper --non-interactive install --no-recommends \
        gcc \
        make
RUN zypper -n in git-core && git --version
RUN zypper --non-interactive update
