# syntax=docker/dockerfile:1
FROM opensuse/leap:15.5
RUN --mount=type=cache,target=/var/cache/zypp zypper -n install gcc
RUN if [ -n "$X" ]; then zypper -n install gdb; fi
RUN sudo zypper -n install jq
RUN zypper -n install tar; echo installed
FROM opensuse/leap:15.5 AS offline
RUN zypper -n install curl
RUN zypper --no-refresh -n install wget
