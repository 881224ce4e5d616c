FROM debian:bookworm
ONBUILD RUN echo a
ONBUILD RUN echo b
RUN echo c
ONBUILD RUN echo d
