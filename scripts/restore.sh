#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a fresh database and media folder (docs/reliability.md).
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/restore.sh BACKUP_DIR [--force]

Restores BACKUP_DIR (made by scripts/backup.sh) into the database DATABASE_URL names and the MEDIA_ROOT
folder (defaults as the app's settings: sqlite:///db.sqlite3 and ./media), after checking the sha256 of
each file against its MANIFEST.
  PostgreSQL: the database must exist and hold no table (createdb it first); pg_restore, stopping at the
              first error.
  SQLite:     the database file must not exist yet.
  Media:      the folder must be missing or empty.
--force restores over what is there (PostgreSQL: --clean --if-exists; SQLite and media: replaced).
Then run `python manage.py migrate` (a no-op for a backup of the same release) and start the app.
Exit codes: 0 restored, 1 the restore failed or the target is not empty, 2 bad usage or a damaged backup.
USAGE
}

BACKUP=""
FORCE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --force) FORCE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "restore.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$BACKUP" ] || { usage >&2; exit 2; }; BACKUP=$1; shift ;;
  esac
done
[ -n "$BACKUP" ] || { usage >&2; exit 2; }
[ -f "$BACKUP/MANIFEST" ] || { echo "restore.sh: $BACKUP has no MANIFEST" >&2; exit 2; }
(cd "$BACKUP" && sed -n 's/^sha256 //p' MANIFEST | sha256sum --check --quiet --strict) \
  || { echo "restore.sh: $BACKUP is damaged (checksum mismatch)" >&2; exit 2; }

DATABASE_URL=${DATABASE_URL:-sqlite:///db.sqlite3}
MEDIA_ROOT=${MEDIA_ROOT:-media}

case "$DATABASE_URL" in
  postgres://*|postgresql://*|pgsql://*)
    URL=${DATABASE_URL/#pgsql:/postgresql:}
    [ -f "$BACKUP/database.dump" ] || { echo "restore.sh: no PostgreSQL dump in $BACKUP" >&2; exit 2; }
    TABLES=$(psql "$URL" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    if [ "$TABLES" != "0" ] && [ $FORCE -eq 0 ]; then
      echo "restore.sh: the database already holds $TABLES table(s); restore into a fresh one or use --force" >&2
      exit 1
    fi
    CLEAN=(); [ $FORCE -eq 1 ] && CLEAN=(--clean --if-exists)
    pg_restore --no-owner --no-privileges --exit-on-error "${CLEAN[@]}" --dbname="$URL" "$BACKUP/database.dump" ;;
  sqlite://*)
    DB_PATH=${DATABASE_URL#sqlite://}; DB_PATH=${DB_PATH#/}
    [ -f "$BACKUP/database.sqlite3" ] || { echo "restore.sh: no SQLite copy in $BACKUP" >&2; exit 2; }
    if [ -e "$DB_PATH" ]; then
      [ $FORCE -eq 1 ] || { echo "restore.sh: $DB_PATH exists; restore to a new path or use --force" >&2; exit 1; }
      rm -f "$DB_PATH" "$DB_PATH-wal" "$DB_PATH-shm"
    fi
    sqlite3 "$DB_PATH" ".restore '$BACKUP/database.sqlite3'" ;;
  *) echo "restore.sh: DATABASE_URL scheme not supported: ${DATABASE_URL%%:*}" >&2; exit 2 ;;
esac

if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
  [ $FORCE -eq 1 ] || { echo "restore.sh: $MEDIA_ROOT is not empty; use --force to replace it" >&2; exit 1; }
  rm -rf "${MEDIA_ROOT:?}"/* "${MEDIA_ROOT:?}"/.[!.]* 2>/dev/null || true
fi
mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -xzf "$BACKUP/media.tar.gz"
echo "Restored $BACKUP: the database and $MEDIA_ROOT"
