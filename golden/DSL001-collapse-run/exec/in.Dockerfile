FROM debian:bookworm
RUN exec echo replaced
RUN echo next
