FROM debian:bookworm
SHELL ["/bin/sh", "-e", "-c"]
RUN . /etc/os-release && echo "$ID"
RUN echo next
