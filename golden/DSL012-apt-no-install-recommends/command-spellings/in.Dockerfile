FROM debian:bookworm
RUN sudo apt-get install -y htop
RUN /usr/bin/apt-get install -y strace
RUN DEBIAN_FRONTEND=noninteractive apt-get -qq install tzdata
RUN apt-get -o Dpkg::Options::=--force-confold install -y nginx
RUN if [ -n "$DEV" ]; then apt-get install -y gdb; fi
