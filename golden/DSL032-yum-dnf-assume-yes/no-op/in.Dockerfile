FROM fedora:40
RUN dnf install -y gcc
RUN dnf -y install make
RUN dnf install --assumeyes git
RUN yum -qy install jq
RUN dnf clean all
RUN dnf makecache
RUN dnf list installed
RUN microdnf install shadow-utils
RUN echo dnf install x
