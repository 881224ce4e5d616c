ARG NODE=20
FROM node:${NODE}-slim
COPY index.js .
CMD ["node", "index.js"]
