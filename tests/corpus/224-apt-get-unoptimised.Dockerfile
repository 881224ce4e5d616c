FROM ubuntu:18.04
RUN apt-get update
RUN apt-get upgrade
RUN apt-get install curl
RUN apt-get install wget vim
RUN apt-get install -y build-essential
RUN apt-get install python3 python3-pip
RUN pip3 install requests
RUN pip3 install flask==2.0.3
RUN curl -O https://example.com/archive.tar.gz
RUN tar xzf archive.tar.gz
RUN rm archive.tar.gz
ADD . /opt/project
RUN cd /opt/project
RUN make
CMD /opt/project/bin/start
