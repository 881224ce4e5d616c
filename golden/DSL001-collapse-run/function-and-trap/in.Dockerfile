FROM debian:bookworm
RUN greet() { echo hi; }; greet
RUN trap 'echo bye' EXIT; echo work
RUN echo after
