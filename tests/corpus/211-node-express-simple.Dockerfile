FROM node:18-alpine
RUN mkdir -p /opt/guestbook && chown node:node /opt/guestbook
WORKDIR /opt/guestbook
COPY --chown=node:node package.json package-lock.json ./
USER node
RUN npm install
COPY --chown=node:node routes/ routes/
COPY --chown=node:node views/ views/
COPY --chown=node:node server.js ./
EXPOSE 3300
CMD ["node", "server.js"]
