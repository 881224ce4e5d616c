FROM debian:bookworm
RUN echo a
RUN sleep 1 & echo started
RUN echo "$(sleep 1 & echo x)"
RUN echo b
