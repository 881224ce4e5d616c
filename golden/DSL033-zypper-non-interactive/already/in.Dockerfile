FROM opensuse/leap:15.5
RUN zypper --non-interactive install curl
RUN zypper -n in git
RUN zypper install -y make
RUN zypper in --no-confirm jq
RUN zypper refresh
RUN zypper clean --all
