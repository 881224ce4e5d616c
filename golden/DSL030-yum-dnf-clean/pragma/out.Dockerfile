FROM centos:7
# dslim-rewrite ignore=DSL030
RUN yum -y install httpd
RUN yum -y install mod_ssl && yum clean all && rm -rf /var/cache/yum
