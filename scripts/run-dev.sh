#!/usr/bin/env bash
# Development server: the API, admin and docs on $HOST:$PORT with the background worker beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG=1
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
PY=.venv/bin/python

$PY manage.py db_worker --queue-name '*' --no-reload &
WORKER=$!
# What cron does in production: re-queue webhook deliveries and tasks a dead worker left behind
# (docs/webhooks.md, docs/reliability.md "Faults").
(while sleep 60; do
  $PY manage.py sweep_webhooks >/dev/null 2>&1 || true
  $PY manage.py requeue_lost_tasks >/dev/null 2>&1 || true
done) &
SWEEP=$!
trap 'kill $WORKER $SWEEP 2>/dev/null || true' EXIT INT TERM

$PY - <<PYEOF
from customers.demo_accounts import DEMO_CUSTOMER, DEMO_ROLE_LOGINS, DEMO_STAFF
base = "http://$HOST:$PORT"
print(f"""
  MOOD MNKY Commerce is starting (background worker pid $WORKER).
    API        {base}/api/v1/          (try {base}/api/v1/products/)
    API docs   {base}/api/docs/        (ReDoc: {base}/api/redoc/, schema: {base}/api/schema/)
    Admin      {base}/admin/
    Staff login     {DEMO_STAFF[0]} / {DEMO_STAFF[1]}   (superuser)
    Customer login  {DEMO_CUSTOMER[0]} / {DEMO_CUSTOMER[1]}   (POST /api/v1/auth/login/)
  Staff roles (one login per group, docs/admin.md "Staff roles"):""", flush=True)
for role, (email, password) in DEMO_ROLE_LOGINS.items():
    print(f"    {role:<18} {email} / {password}", flush=True)
print("""  Admin API key:  .venv/bin/python manage.py create_api_key --name dev --scopes all
  Press Ctrl+C to stop.
""", flush=True)
PYEOF
$PY manage.py runserver "$HOST:$PORT"
