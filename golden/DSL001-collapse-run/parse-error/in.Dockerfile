FROM debian:bookworm
RUN echo a
RUN echo "unterminated
RUN echo b
