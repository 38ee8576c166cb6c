# understudy: the facade. In production (NODE_ENV=production, the default here) it refuses to start
# with lab leftovers: set UNDERSTUDY_VENDOR_URL, UNDERSTUDY_PLATFORM_URL, UNDERSTUDY_PARTNER_SECRET,
# UNDERSTUDY_PLATFORM_CLIENT_SECRET and UNDERSTUDY_ADMIN_TOKEN (docs/operations.md "Production safety").
# The lab in a container: docker run -e NODE_ENV=development -e ADMIN_HOST=0.0.0.0 -p 8080:8080 -p 8081:8081 understudy
# Build: docker build -t understudy .
# Pin the base by digest at build time: docker build --build-arg NODE_IMAGE=node:24.21.0-bookworm-slim@sha256:<digest> .
# (README "Docker": the digest is not recorded here because no registry of images is reachable where this is written.)
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# Stage 1: compile. Dev dependencies (typescript) live only here.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json tsconfig.build.json tsconfig.json ./
COPY src ./src
COPY contracts ./contracts
COPY fixtures ./fixtures
# Only src is compiled into the image: no benches, no tests.
RUN npx tsc -p tsconfig.build.json && rm -rf dist/bench dist/test && test -f dist/src/cli/main.js

# Stage 2: production dependencies only, from the lockfile, and the SBOM of exactly those.
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
# (scripts/sbom.sh makes the same SBOM outside the image: npm run sbom.)
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && \
    npm pkg delete devDependencies && \
    npm sbom --sbom-format=cyclonedx > sbom.cdx.json && \
    npm cache clean --force

# Stage 3: what runs.
FROM ${NODE_IMAGE}
# tini as PID 1: signals reach node (SIGTERM starts the drain) and zombies are reaped.
RUN apt-get update && \
    apt-get install -y --no-install-recommends tini=0.19.0-1+b3 && \
    rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=runtime-deps --chown=root:root /app/package.json /app/sbom.cdx.json ./
COPY --from=runtime-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist/src ./dist/src
COPY --from=build --chown=root:root /app/dist/contracts ./dist/contracts
COPY --chown=root:root contracts ./contracts
COPY --chown=root:root fixtures ./fixtures
COPY --chown=root:root bin ./bin
# Files owned by root and read-only to the process; it writes only /tmp (an emptyDir under a
# read-only root file system, deploy/kubernetes/base/deployment.yaml). 1000 is the image's `node` user.
USER 1000:1000
# 8080: devices. 8081: admin API and /metrics, bound to loopback unless ADMIN_HOST says otherwise.
EXPOSE 8080 8081
# For plain `docker run`; Kubernetes ignores it and uses the Deployment's /readyz and /livez probes.
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/cli/main.js", "serve"]
