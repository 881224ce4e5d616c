FROM debian:bookworm
RUN . /etc/os-release && echo "$ID" > /id
RUN cat /id
