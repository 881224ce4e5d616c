FROM composer:2 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --prefer-dist --no-interaction --optimize-autoloader

FROM php:8.3-fpm-alpine
RUN apk add --no-cache icu-dev libpq-dev \
    && docker-php-ext-install intl pdo_pgsql \
    && apk del icu-dev
WORKDIR /var/www/app
COPY --from=vendor /app/vendor ./vendor
COPY . .
RUN php artisan config:cache || true; php artisan route:cache || true
USER www-data
EXPOSE 9000
CMD ["php-fpm", "-F"]
