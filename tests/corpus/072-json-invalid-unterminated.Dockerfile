FROM alpine:3.19
# The next lines are not valid JSON, so they fall back to shell form.
CMD ["a"
ENTRYPOINT ["/bin/sh", "-c"
RUN ["echo", "unterminated
