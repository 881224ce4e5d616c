FROM node:20 AS base
WORKDIR /app

FROM base AS final
COPY index.js .
RUN curl -fsSLo data.json https://example.com/data.json
CMD ["node", "index.js"]
