FROM node:14

# Create app directory
WORKDIR /usr/src/app

RUN apt-get update
RUN apt-get install -y python make g++

COPY . .

RUN npm install
RUN npm install -g pm2
RUN npm run build

ENV NODE_ENV production
EXPOSE 3000
CMD [ "pm2-runtime", "start", "ecosystem.config.js" ]
