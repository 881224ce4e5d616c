# dslim-rewrite global ignore=collapse-run
FROM debian:bookworm
RUN echo a
RUN echo b
