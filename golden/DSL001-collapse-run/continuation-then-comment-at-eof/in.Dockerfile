FROM debian:bookworm
RUN echo a
RUN echo b; echo c \
# the end
