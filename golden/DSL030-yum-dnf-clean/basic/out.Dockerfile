FROM centos:7
RUN yum -y install epel-release && yum clean all && rm -rf /var/cache/yum
RUN yum -y update && yum clean all && rm -rf /var/cache/yum
FROM fedora:40
RUN dnf install -y --setopt=install_weak_deps=False python3-devel && dnf clean all
FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y shadow-utils && microdnf clean all
FROM photon:5.0
RUN tdnf install -y less && tdnf clean all
