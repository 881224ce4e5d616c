FROM redis:7.2-alpine
COPY redis.conf /usr/local/etc/redis/redis.conf
RUN mkdir -p /var/lib/redis && chown redis:redis /var/lib/redis
VOLUME /var/lib/redis
EXPOSE 6379
HEALTHCHECK --interval=5s --timeout=1s --retries=10 CMD redis-cli -p 6379 ping | grep -q PONG
CMD ["redis-server", "/usr/local/etc/redis/redis.conf"]
