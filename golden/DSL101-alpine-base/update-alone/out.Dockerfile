FROM node:20-alpine
RUN apk add --no-cache git
COPY index.js /srv/index.js
CMD ["node", "/srv/index.js"]
