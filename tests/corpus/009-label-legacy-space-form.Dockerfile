FROM alpine:3.19
LABEL maintainer someone@example.org
LABEL description A label written without an equals sign keeps the rest of the line
LABEL  spaced   value with   irregular    spacing
