# syntax=docker/dockerfile:1
FROM node:20-alpine
WORKDIR /app
COPY <<EOF package.json
{
  "name": "heredoc-demo",
  "version": "1.0.0",
  "private": true,
  "scripts": { "start": "node -e \"console.log('hi')\"" }
}
EOF
COPY <<'EOF' .npmrc
registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken=${NPM_TOKEN}
EOF
CMD ["npm", "start"]
