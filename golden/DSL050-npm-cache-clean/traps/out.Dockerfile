FROM node:20
RUN if [ -f package.json ]; then npm ci; fi
RUN test -f package.json && npm ci; echo done
RUN (cd web && npm ci) && npm cache clean --force
RUN npm ci || true
RUN sudo npm install -g yarn
RUN . /root/.nvm/nvm.sh && npm ci && npm cache clean --force

FROM node:20 AS offline
RUN npm ci
RUN npm install --offline left-pad && npm cache clean --force
