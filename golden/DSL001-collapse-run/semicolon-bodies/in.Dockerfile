FROM debian:bookworm
RUN echo a
RUN false; echo b
RUN echo c; echo d
RUN echo e
