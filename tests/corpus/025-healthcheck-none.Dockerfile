FROM some/base-with-healthcheck:latest
HEALTHCHECK NONE
CMD ["run"]
