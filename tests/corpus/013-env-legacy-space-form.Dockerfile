FROM ubuntu:20.04
ENV DEBIAN_FRONTEND noninteractive
ENV JAVA_HOME /usr/lib/jvm/java-11-openjdk-amd64
ENV GREETING hello world with several words
ENV PATH $JAVA_HOME/bin:$PATH
RUN echo "$GREETING" && java -version || true
