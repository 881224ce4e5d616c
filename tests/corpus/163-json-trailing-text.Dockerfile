FROM alpine:3.19
# The parser accepts a JSON array followed by more text; the trailing text
# does not appear in the parsed arguments.
RUN ["echo", "json part"] && echo "trailing part"
CMD ["sleep", "1"] # not a comment in JSON form
