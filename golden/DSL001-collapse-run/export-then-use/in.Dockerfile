FROM debian:bookworm
RUN export PATH=/opt/bin:$PATH && tool --version
RUN echo "$PATH" > /path.txt
RUN GREETING=hello
RUN echo "${GREETING:-unset}"
