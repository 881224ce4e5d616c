FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apt-get update && apt-get install -y -o APT::Install-Recommends=false git
RUN apt-get update && apt-get install -y --install-recommends texlive
RUN apt-get install -y -f
RUN echo apt-get install curl

FROM debian:bookworm
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norecommends
RUN apt-get update && apt-get install -y curl
