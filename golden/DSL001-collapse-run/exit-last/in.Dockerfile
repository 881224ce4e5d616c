FROM debian:bookworm
RUN echo a
RUN exit 1
