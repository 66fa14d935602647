#!/usr/bin/env bash
# Back up the database and the media folder into one timestamped directory (docs/reliability.md, "Data safety").
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/backup.sh [--out DIR]

Backs up the database DATABASE_URL names (default sqlite:///db.sqlite3, as the app's settings) and the
MEDIA_ROOT folder (default ./media) into DIR/moodmnky-<UTC timestamp>/ (DIR defaults to ./backups):
  database.dump     PostgreSQL: pg_dump --format=custom (restore with scripts/restore.sh or pg_restore)
  database.sqlite3  SQLite: a consistent copy made with SQLite's online backup API (safe while the app runs)
  media.tar.gz      the media folder (empty archive when there is none)
  MANIFEST          when, what, and a sha256 of each file (restore.sh checks them)
The last line printed is the backup directory. Exit codes: 0 done, 1 the backup failed (nothing left
behind), 2 bad usage.
USAGE
}

OUT=backups
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { usage >&2; exit 2; }; OUT=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "backup.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

DATABASE_URL=${DATABASE_URL:-sqlite:///db.sqlite3}
MEDIA_ROOT=${MEDIA_ROOT:-media}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
TARGET="$OUT/moodmnky-$STAMP"
mkdir -p "$OUT"
mkdir "$TARGET" || { echo "backup.sh: $TARGET already exists" >&2; exit 1; }
trap 'status=$?; if [ $status -ne 0 ]; then rm -rf "$TARGET"; echo "backup.sh: failed, nothing kept" >&2; fi' EXIT

case "$DATABASE_URL" in
  postgres://*|postgresql://*|pgsql://*)
    ENGINE=postgresql
    pg_dump --format=custom --no-owner --no-privileges --dbname="${DATABASE_URL/#pgsql:/postgresql:}" \
      --file="$TARGET/database.dump" ;;
  sqlite://*)
    ENGINE=sqlite
    DB_PATH=${DATABASE_URL#sqlite://}; DB_PATH=${DB_PATH#/}
    [ -f "$DB_PATH" ] || { echo "backup.sh: no SQLite database at $DB_PATH" >&2; exit 1; }
    sqlite3 "$DB_PATH" ".backup '$TARGET/database.sqlite3'" ;;
  *) echo "backup.sh: DATABASE_URL scheme not supported: ${DATABASE_URL%%:*}" >&2; exit 2 ;;
esac

if [ -d "$MEDIA_ROOT" ]; then
  tar -C "$MEDIA_ROOT" -czf "$TARGET/media.tar.gz" .
else
  tar -czf "$TARGET/media.tar.gz" -T /dev/null
fi

{
  echo "created_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "engine=$ENGINE"
  echo "media_files=$(tar -tzf "$TARGET/media.tar.gz" | grep -vc '/$' || true)"
  (cd "$TARGET" && sha256sum database.* media.tar.gz | sed 's/^/sha256 /')
} > "$TARGET/MANIFEST"
echo "$TARGET"
