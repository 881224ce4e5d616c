FROM alpine:3.19
  # two spaces
RUN true
        # eight spaces
  RUN echo indented instruction
        WORKDIR /tmp
