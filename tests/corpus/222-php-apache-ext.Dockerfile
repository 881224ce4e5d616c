FROM php:8.2-apache
RUN apt-get update && apt-get install -y \
        libfreetype6-dev \
        libjpeg62-turbo-dev \
        libpng-dev \
        libzip-dev \
        unzip \
    && docker-php-ext-configure gd --with-freetype --with-jpeg \
    && docker-php-ext-install -j$(nproc) gd zip pdo_mysql opcache
RUN pecl install redis-6.0.2 && docker-php-ext-enable redis
RUN a2enmod rewrite headers
COPY php.ini-production.local /usr/local/etc/php/conf.d/zz-local.ini
COPY public/ /var/www/html/
RUN chown -R www-data:www-data /var/www/html
