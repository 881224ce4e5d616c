FROM centos:7
MAINTAINER Alex Example <alex@example.net>
RUN yum -y install httpd
EXPOSE 80
CMD ["/usr/sbin/httpd", "-D", "FOREGROUND"]
