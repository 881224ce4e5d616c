# escape=^
FROM alpine:3.19
RUN echo "caret is not an allowed escape character"
