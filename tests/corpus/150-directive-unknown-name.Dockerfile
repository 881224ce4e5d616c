# unknowndirective=value
FROM alpine:3.19
RUN echo "unknown directives are treated as comments"
