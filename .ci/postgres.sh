# Sourced by .ci/run: makes sure a PostgreSQL server runs (Debian's package, installed when
# missing), creates a throwaway role and database for this run, and exports their URL as
# CLIENTELA_TEST_DATABASE_URL for the PostgreSQL tests (which create and drop databases of their
# own under that role). Dropped again when the run ends. Runs as root, like the rest of .ci/run.

if [ -n "${CLIENTELA_TEST_DATABASE_URL:-}" ]; then
  echo "PostgreSQL: using CLIENTELA_TEST_DATABASE_URL from the environment"
  return 0
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "PostgreSQL not found: installing it from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || { echo "apt-get install postgresql failed"; return 1; }
fi

pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$pg_version main"; then
  pg_createcluster "$pg_version" main >/dev/null || { echo "pg_createcluster $pg_version main failed"; return 1; }
fi
pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" { print $3 }')
# Starting a running cluster fails harmlessly; readiness is what counts.
pg_ctlcluster "$pg_version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$pg_port" || { echo "PostgreSQL $pg_version did not start on port $pg_port"; return 1; }

pg_role="clientela_ci_$$"
pg_password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
su postgres -c "psql -q -p $pg_port -c \"CREATE ROLE $pg_role LOGIN CREATEDB PASSWORD '$pg_password'\"" >/dev/null &&
  su postgres -c "createdb -p $pg_port -O $pg_role $pg_role" || { echo "creating the CI role and database failed"; return 1; }
export CLIENTELA_TEST_DATABASE_URL="postgres://$pg_role:$pg_password@127.0.0.1:$pg_port/$pg_role"
echo "PostgreSQL $pg_version on port $pg_port: role and database $pg_role for this run"

drop_ci_postgres() {
  # The tests' own databases belong to the role: drop them, then the role's database and the role.
  su postgres -c "psql -q -p $pg_port -Atc \"SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '$pg_role')\"" 2>/dev/null |
    while read -r name; do su postgres -c "dropdb -p $pg_port --force --if-exists $name" >/dev/null 2>&1; done
  su postgres -c "psql -q -p $pg_port -c 'DROP ROLE IF EXISTS $pg_role'" >/dev/null 2>&1
}
trap drop_ci_postgres EXIT
