FROM tomcat:9.0-jdk11
MAINTAINER ops@example.com
RUN rm -rf /usr/local/tomcat/webapps/*
ADD target/ROOT.war /usr/local/tomcat/webapps/ROOT.war
ADD conf/server.xml /usr/local/tomcat/conf/server.xml
ENV CATALINA_OPTS -Xmx1g -Dfile.encoding=UTF-8
EXPOSE 8080 8009
CMD ["catalina.sh", "run"]
