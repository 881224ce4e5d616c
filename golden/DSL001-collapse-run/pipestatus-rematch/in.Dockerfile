FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN false | true
RUN echo "${PIPESTATUS[0]}"
RUN [[ abc =~ b ]]
RUN echo "${BASH_REMATCH[0]}"
