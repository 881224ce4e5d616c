# escape=
FROM alpine:3.19
RUN echo "an empty escape value keeps the default" \
    && echo continued
