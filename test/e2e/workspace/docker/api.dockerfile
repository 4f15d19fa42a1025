# The USER quick-fix test edits this file.
FROM node:22.11-bookworm-slim
WORKDIR /app
COPY server.js .
ENTRYPOINT ["node", "server.js"]
