# A comment comes first, so the next line is just a comment.
# escape=`
FROM alpine:3.19
RUN echo backslash is still the escape \
    && echo "and this is a continuation"
