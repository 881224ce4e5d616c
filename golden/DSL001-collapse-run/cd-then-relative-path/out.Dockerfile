FROM debian:bookworm
RUN ( cd /usr/src && tar xf app.tar ) && \
    ls app && \
    ( cd /usr/src/app ) && \
    make
