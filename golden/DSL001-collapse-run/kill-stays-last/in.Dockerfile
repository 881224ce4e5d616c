FROM debian:bookworm
RUN echo a
RUN trap "echo usr1" USR1; kill -USR1 $$; echo b
RUN echo c
RUN echo d
