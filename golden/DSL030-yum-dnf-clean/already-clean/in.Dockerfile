FROM fedora:40
RUN dnf -y install gcc && dnf clean all
RUN dnf -y install git && rm -rf /var/cache/dnf
RUN yum -y install make && yum clean all
RUN yum -y install jq && rm -rf /var/cache/yum/*
RUN microdnf install -y tar && microdnf clean all
RUN dnf clean all
RUN dnf list installed
