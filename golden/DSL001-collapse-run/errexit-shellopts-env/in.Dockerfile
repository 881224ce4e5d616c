FROM debian:bookworm
ARG ENV=production
RUN echo a; echo b
RUN echo c
ENV SHELLOPTS=errexit
RUN echo d; echo e
RUN echo f
