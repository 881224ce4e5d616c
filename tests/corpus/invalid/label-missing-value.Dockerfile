FROM alpine:3.19
LABEL lonely-key
