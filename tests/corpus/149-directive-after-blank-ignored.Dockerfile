
# escape=`
FROM alpine:3.19
RUN echo "the blank first line ends directive parsing" \
    && echo continues-with-backslash
