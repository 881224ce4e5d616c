FROM centos:7
RUN yum -y update
RUN yum -y install epel-release
RUN yum -y install nginx python3 python3-devel gcc
RUN yum -y groupinstall "Development Tools"
RUN pip3 install uwsgi
COPY app /opt/app
RUN cd /opt/app && pip3 install -r requirements.txt
EXPOSE 80
CMD ["/usr/sbin/nginx", "-g", "daemon off;"]
