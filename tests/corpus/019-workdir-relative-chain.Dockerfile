FROM busybox:1.36
WORKDIR /opt
WORKDIR releases
WORKDIR current/bin
RUN pwd > /tmp/where
ENV INSTALL_ROOT=/usr/local
WORKDIR $INSTALL_ROOT/share/$UNSET_NAME
WORKDIR ../lib
RUN pwd >> /tmp/where
