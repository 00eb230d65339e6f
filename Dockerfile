# One image for every service; SERVICE picks which one a container runs (see docker-compose.yml, deploy/).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
# Services into dist/, the staff portal into apps/portal/dist (pre-compressed; the gateway serves it).
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Services bind to loopback by default; in a container they must answer on the container's network.
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/portal/dist ./apps/portal/dist
COPY package.json ./
# WORKDIR stays root's; stored files (FILES_DIR, default .data/files/<service>) need a folder the node user
# owns. A volume mounted at /app/.data/files takes this owner when compose creates it (k8s: fsGroup).
RUN mkdir -p /app/.data/files && chown -R node:node /app/.data
USER node
ENV SERVICE=siap
EXPOSE 3000
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
