FROM debian:bookworm
RUN cd /usr/src && tar xf app.tar
RUN ls app
RUN cd /usr/src/app
RUN make
