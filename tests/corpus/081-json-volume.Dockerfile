FROM mysql:8.0
VOLUME ["/var/lib/mysql"]
VOLUME ["/etc/mysql/conf.d", "/docker-entrypoint-initdb.d"]
VOLUME [ ]
VOLUME ["/path with space"]
