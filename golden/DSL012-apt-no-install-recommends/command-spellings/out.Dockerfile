FROM debian:bookworm
RUN sudo apt-get install -y --no-install-recommends htop
RUN /usr/bin/apt-get install -y --no-install-recommends strace
RUN DEBIAN_FRONTEND=noninteractive apt-get -qq install --no-install-recommends tzdata
RUN apt-get -o Dpkg::Options::=--force-confold install -y --no-install-recommends nginx
RUN if [ -n "$DEV" ]; then apt-get install -y --no-install-recommends gdb; fi
