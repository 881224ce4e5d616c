FROM alpine:3.19
CMD ["printf", "%s\r\n", "carriage\u0020return", "form\ffeed", "back\bspace"]
ENTRYPOINT ["echo", "\"quoted\"", "'single'", "[brackets]", "{braces}", "a,b"]
