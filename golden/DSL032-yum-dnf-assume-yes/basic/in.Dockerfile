FROM centos:7
RUN yum install httpd && yum clean all
RUN yum groupinstall "Development Tools"
RUN yum --enablerepo epel install jq
FROM fedora:40
RUN dnf install gcc
RUN dnf group install "C Development Tools and Libraries"
RUN dnf module enable nodejs:20 && dnf module install nodejs:20/common
RUN dnf remove vim-minimal
RUN /usr/bin/dnf upgrade
FROM photon:5.0
RUN tdnf install less
