FROM alpine:3.19
COPY ["Program Files/tool config.ini", "/etc/tool/config.ini"]
COPY ["a b/", "c d/", "/dest dir/"]
ADD ["archive name.tar", "/opt/unpacked here/"]
COPY --chown=1000:1000 ["with flags.txt", "/home/user/"]
