# frobnicate=yes
# escape=`
FROM alpine:3.19
RUN echo "an unknown directive ends the directive block, so backslash still escapes" \
    && echo continued
