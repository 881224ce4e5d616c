FROM node:16
RUN mkdir -p /app
RUN chown node:node /app
WORKDIR /app
RUN npm config set registry https://registry.npmjs.org/
RUN npm install -g npm@8
RUN npm install -g typescript
RUN npm install -g ts-node
COPY package.json .
RUN npm install
RUN npm install --save-dev @types/node
COPY . .
RUN tsc
RUN rm -rf src
RUN ls -la
USER node
CMD ["node", "build/index.js"]
