FROM debian:bookworm
RUN X=1 :
RUN echo "${X:-unset}"
