FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN cd /tmp && echo "$BASH_SUBSHELL $BASHPID"
RUN echo a && \
    echo b
