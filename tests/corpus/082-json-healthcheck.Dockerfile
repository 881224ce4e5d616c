FROM mongo:7
HEALTHCHECK --interval=10s CMD ["mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"]
