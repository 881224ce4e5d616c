FROM docker.io/library/node:20-bookworm
COPY index.js .
CMD ["node", "index.js"]
