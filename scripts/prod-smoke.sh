#!/usr/bin/env bash
# Boots the built app exactly as docker/Dockerfile does: its CMD, from a directory holding only
# dist/, package*.json and production dependencies (npm ci --omit=dev, as the prod-deps stage),
# NODE_ENV=production and settings from the environment only (no .env file), then waits for
# /health/ready and stops it with SIGTERM. Needs `npm run build` first and MariaDB + Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp package.json package-lock.json "$work/"
cp -r dist "$work/dist"
(cd "$work" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

# The Dockerfile's CMD, read from the Dockerfile itself: ["node", "dist/..."].
mapfile -t cmd < <(node -e '
  const m = require("fs").readFileSync(process.argv[1], "utf8").match(/^CMD (\[.*\])$/m);
  for (const a of JSON.parse(m[1])) console.log(a);' "$root/docker/Dockerfile")

port="${SMOKE_PORT:-3987}"
db="${SMOKE_DATABASE_URL:-mysql://root@127.0.0.1:3306/wxcoupon_prod_smoke}"
(cd "$work" && exec env -i PATH="$PATH" HOME="$work" NODE_ENV=production PORT="$port" HOST=127.0.0.1 \
  DATABASE_URL="$db" REDIS_URL="${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/13}" \
  WECHAT_APP_ID=wx1a2b3c4d5e6f7a8b WECHAT_APP_SECRET=smoke-app-secret WECHAT_TOKEN=smoketoken \
  JWT_SECRET=smoke-jwt-secret-smoke-jwt-secret-0123 ADMIN_BOOTSTRAP_USERNAME=admin \
  ADMIN_BOOTSTRAP_PASSWORD=smoke-admin-password \
  PII_ENCRYPTION_KEY=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff \
  SWAGGER_ENABLED=false "${cmd[@]}") >"$work/app.log" 2>&1 &
pid=$!

ready=""
for _ in $(seq 1 90); do
  code="$(curl -s -o "$work/ready.json" -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
  if [ "$code" = 200 ]; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$ready" ]; then
  echo "prod smoke: /health/ready never answered 200 (last: ${code:-none} $(cat "$work/ready.json" 2>/dev/null)); app log:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
kill -TERM "$pid"
wait "$pid" && status=0 || status=$?
pid=""
# Nest re-raises the signal once it has shut down, so 143 (killed by SIGTERM) is the clean end.
if { [ "$status" -ne 0 ] && [ "$status" -ne 143 ]; } || ! grep -q 'shutdown complete (SIGTERM)' "$work/app.log"; then
  echo "prod smoke: no clean shutdown after SIGTERM (status $status); app log:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS \`${db##*/}\`" 2>/dev/null || true
echo "prod smoke: ready on :$port as the Dockerfile CMD with NODE_ENV=production, stopped cleanly"
