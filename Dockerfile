# understudy: the facade. In production (NODE_ENV=production, the default here) it refuses to start
# with lab leftovers: set UNDERSTUDY_VENDOR_URL, UNDERSTUDY_PLATFORM_URL, UNDERSTUDY_PARTNER_SECRET,
# UNDERSTUDY_PLATFORM_CLIENT_SECRET and UNDERSTUDY_ADMIN_TOKEN (docs/operations.md "Production safety").
# The lab in a container: docker run -e NODE_ENV=development -e ADMIN_HOST=0.0.0.0 -p 8080:8080 -p 8081:8081 understudy
# Build: docker build -t understudy .
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig*.json ./
COPY src ./src
COPY contracts ./contracts
COPY fixtures ./fixtures
# Only src is compiled into the image: no benches, no tests.
RUN npx tsc -p tsconfig.build.json && rm -rf dist/bench dist/test && test -f dist/src/cli/main.js && npm prune --omit=dev

FROM node:20.20-bookworm-slim
# tini as PID 1: signals reach node (SIGTERM starts the drain) and zombies are reaped.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/contracts ./dist/contracts
COPY --from=build /app/contracts ./contracts
COPY --from=build /app/fixtures ./fixtures
COPY bin ./bin
USER node
# 8080: devices. 8081: admin API and /metrics, bound to loopback unless ADMIN_HOST says otherwise.
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/cli/main.js", "serve"]
