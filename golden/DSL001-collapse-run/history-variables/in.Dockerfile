FROM debian:bookworm
RUN echo a
RUN echo "$_"
RUN echo b
