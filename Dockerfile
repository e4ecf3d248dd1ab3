# One image per service: docker build --build-arg APP=auth-server|resource-api|client-api .
# Stage 1 builds the app with Nx; stage 2 holds only the built bundle and its production dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
ARG APP
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx build "${APP}"

FROM node:20-bookworm-slim AS runtime
ARG APP
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /workspace/dist/apps/${APP}/package.json /workspace/dist/apps/${APP}/package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/${APP}/ ./
USER node
CMD ["node", "main.js"]
