FROM debian:bookworm AS one
RUN echo a
FROM debian:bookworm
RUN echo b
