FROM debian:bookworm-slim
ADD https://example.com/releases/tool-1.2.3.tar.gz /tmp/
ADD vendor.tar.xz /opt/vendor/
ADD config/ /etc/myapp/
ADD *.conf /etc/myapp/conf.d/
ADD ["file with spaces.txt", "/opt/data/"]
