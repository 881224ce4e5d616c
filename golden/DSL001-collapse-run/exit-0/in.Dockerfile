FROM debian:bookworm
RUN exit 0
RUN echo still runs
RUN [ -d /opt ] || exit 0
RUN echo also
