FROM debian:bookworm
ENV SHELLOPTS=errexit
RUN echo a; echo b
RUN echo c
