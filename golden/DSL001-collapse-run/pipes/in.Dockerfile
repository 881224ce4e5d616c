FROM debian:bookworm
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor > /usr/share/keyrings/example.gpg
RUN dpkg -l | grep -c ^ii |& tee /count.txt
RUN ! grep -q broken /etc/os-release
