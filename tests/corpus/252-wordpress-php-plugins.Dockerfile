FROM wordpress:6.5-php8.2-apache
RUN apt-get update
RUN apt-get install -y unzip less mariadb-client
RUN curl -o /usr/local/bin/wp https://example.com/wp-cli/wp-cli.phar && chmod +x /usr/local/bin/wp
COPY plugins/*.zip /tmp/plugins/
RUN for z in /tmp/plugins/*.zip; do unzip -q "$z" -d /usr/src/wordpress/wp-content/plugins/; done; rm -rf /tmp/plugins
COPY uploads.ini /usr/local/etc/php/conf.d/uploads.ini
RUN echo "upload_max_filesize = 64M" >> /usr/local/etc/php/conf.d/uploads.ini
