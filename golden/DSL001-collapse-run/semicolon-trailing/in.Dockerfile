FROM debian:bookworm
RUN echo a; echo b;
RUN echo c
RUN echo d && echo e ;
