FROM debian:bookworm
RUN echo a
ENV X=1
RUN echo b
WORKDIR /app
RUN echo c
USER nobody
RUN echo d
COPY . .
RUN echo e
ARG V=1
RUN echo f
SHELL ["/bin/bash", "-c"]
RUN echo g
