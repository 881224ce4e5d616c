FROM alpine:3.19
RUN apk add --no-cache curl \
# commented-out package list:
#   wget
EXPOSE 80
CMD ["curl", "--version"]
