FROM oven/bun:1.1-debian AS deps
WORKDIR /srv/chatbot
COPY package.json bun.lockb ./
RUN bun install --frozen-lockfile --production

FROM oven/bun:1.1-debian AS check
WORKDIR /srv/chatbot
COPY package.json bun.lockb ./
RUN bun install --frozen-lockfile
COPY . .
RUN bun run typecheck && bun test

FROM oven/bun:1.1-slim
WORKDIR /srv/chatbot
COPY --from=deps /srv/chatbot/node_modules ./node_modules
COPY --from=check /srv/chatbot/src ./src
COPY package.json ./
USER bun
EXPOSE 3030/tcp
ENTRYPOINT ["bun", "src/bot.ts"]
