FROM ubuntu:22.04
RUN apt-get update && apt-get install -y git make gcc
RUN git clone https://github.com/example/libthing.git /usr/src/libthing
RUN cd /usr/src/libthing
RUN ./configure --prefix=/usr/local
RUN make
RUN make install
RUN cd /usr/src/libthing && make clean
RUN cd /tmp; wget https://example.com/data.zip; unzip data.zip
