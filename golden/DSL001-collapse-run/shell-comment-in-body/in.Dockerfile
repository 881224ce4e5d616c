FROM debian:bookworm
RUN echo a
RUN echo hi # a note
RUN echo b
