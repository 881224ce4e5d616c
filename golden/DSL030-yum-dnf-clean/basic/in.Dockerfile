FROM centos:7
RUN yum -y install epel-release
RUN yum -y update
FROM fedora:40
RUN dnf install -y --setopt=install_weak_deps=False python3-devel
FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y shadow-utils
FROM photon:5.0
RUN tdnf install -y less
