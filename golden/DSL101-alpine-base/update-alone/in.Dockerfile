FROM node:20
RUN apt-get update
RUN apt-get install -y git
COPY index.js /srv/index.js
CMD ["node", "/srv/index.js"]
