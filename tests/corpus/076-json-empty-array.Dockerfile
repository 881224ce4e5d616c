FROM some/base:1.0
ENTRYPOINT []
CMD []
