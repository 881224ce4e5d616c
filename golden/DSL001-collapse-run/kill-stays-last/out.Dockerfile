FROM debian:bookworm
RUN echo a && \
    { trap "echo usr1" USR1; kill -USR1 $$; echo b; }
RUN echo c && \
    echo d
