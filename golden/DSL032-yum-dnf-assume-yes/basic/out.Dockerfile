FROM centos:7
RUN yum install -y httpd && yum clean all
RUN yum groupinstall -y "Development Tools"
RUN yum --enablerepo epel install -y jq
FROM fedora:40
RUN dnf install -y gcc
RUN dnf -y group install "C Development Tools and Libraries"
RUN dnf -y module enable nodejs:20 && dnf -y module install nodejs:20/common
RUN dnf remove -y vim-minimal
RUN /usr/bin/dnf upgrade -y
FROM photon:5.0
RUN tdnf install -y less
