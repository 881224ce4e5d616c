FROM postgres:16
VOLUME /var/lib/postgresql/data
VOLUME ["/backups", "/var/log/postgresql"]
VOLUME /tmp/a /tmp/b /tmp/c
