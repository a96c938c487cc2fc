#!/usr/bin/env bash
# Starts the built WAR on loopback and keeps it in the foreground (Ctrl-C stops it).
# Called by the run command:  mvn -DskipTests package exec:exec@run [-Ppayara]
# Needs JBOSS_HOME or PAYARA_MICRO_JAR, TIDINGS_WAR and TIDINGS_PORT, which Maven sets.
# TIDINGS_PORT_OFFSET shifts every WildFly port (management, HTTPS, transactions) so that two
# servers can run side by side; TIDINGS_JAVA_OPTS adds JVM options (heap, ...).
# TIDINGS_SETTINGS ("key=value key=value") overrides settings of the scripts below for this run:
# both containers apply their configured system properties over the JVM's -D options.
# TIDINGS_DATA is the directory of the embedded H2 database (room history, notifications, held
# names); it outlives restarts. Default: target/wildfly-data or target/payara-data next to the WAR.
# Delete the directory (or run mvn clean) to start from an empty database.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
container=${1:?usage: run.sh wildfly|payara}
port=${TIDINGS_PORT:-8080}
java_opts=${TIDINGS_JAVA_OPTS:-}
war=${TIDINGS_WAR:?TIDINGS_WAR must name the built WAR}

# Prints a settings script without its lines for the keys in TIDINGS_SETTINGS, then prints those
# keys' new values in the script's own syntax (the format names the key, then the value).
settings_script() {
  local script=$1 format=$2 entry text
  text=$(cat "$script")
  for entry in ${TIDINGS_SETTINGS:-}; do
    # shellcheck disable=SC2059 # the format is ours
    text=$(grep -vF -- "$(printf "$format" "${entry%%=*}" "" | cut -d'|' -f1)" <<< "$text")
  done
  printf '%s\n' "$text"
  for entry in ${TIDINGS_SETTINGS:-}; do
    # shellcheck disable=SC2059
    printf "$format\n" "${entry%%=*}" "${entry#*=}" | tr -d '|'
  done
}

case "$container" in
  wildfly)
    # A server base directory of its own, so a run never leaves a deployment in the one the tests use.
    base="$(dirname "$war")/wildfly-run"
    data=${TIDINGS_DATA:-"$(dirname "$war")/wildfly-data"}
    mkdir -p "$data"
    rm -rf "$base"
    cp -r "$JBOSS_HOME/standalone" "$base"
    { settings_script "$here/wildfly/tidings.cli" '/system-property=%s:add(value=|%s)' | grep -v '^stop-embedded-server'
      grep -v -e '^#' -e '^embed-server' -e '^stop-embedded-server' "$here/wildfly/security.cli"
      # The default datasource (ExampleDS) in a file instead of in memory, so that it survives a restart.
      echo "/subsystem=datasources/data-source=ExampleDS:write-attribute(name=connection-url, value=\"jdbc:h2:file:$data/tidings;DB_CLOSE_ON_EXIT=FALSE\")"
      echo stop-embedded-server; } > "$base/tidings.cli"
    "$JBOSS_HOME/bin/jboss-cli.sh" --file="$base/tidings.cli" \
        --properties=<(echo "jboss.server.base.dir=$base") > "$base/configure.log" 2>&1 \
        || { cat "$base/configure.log"; exit 1; }
    cp "$war" "$base/deployments/"
    offset=${TIDINGS_PORT_OFFSET:-0}
    # standalone.conf appends JBOSS_JAVA_SIZING to its defaults; later -Xms/-Xmx win.
    export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms64m -Xmx512m} $java_opts"
    exec "$JBOSS_HOME/bin/standalone.sh" -Djboss.server.base.dir="$base" \
        -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.socket.binding.port-offset="$offset" -Djboss.http.port="$((port - offset))"
    ;;
  payara)
    # Payara Micro starts in a fresh root directory every time: one kept across runs would boot the
    # WAR deployed last time before deploying this one. The default H2 database (room history,
    # notifications, held names) lives in a fixed file instead, so it outlives a restart.
    data=${TIDINGS_DATA:-"$(dirname "$war")/payara-data"}
    mkdir -p "$data"
    preboot="$data/preboot.asadmin"
    { cat "$here/payara/preboot-commands.asadmin"
      echo "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:$data/tidings;AUTO_SERVER=TRUE"; } > "$preboot"
    postboot="$data/tidings.asadmin"
    settings_script "$here/payara/tidings.asadmin" 'create-system-properties %s=|%s' > "$postboot"
    # shellcheck disable=SC2086 # the options are meant to split into words
    exec java $java_opts -jar "${PAYARA_MICRO_JAR:?}" --nohazelcast --disablephonehome \
        --port "$port" --contextroot tidings \
        --prebootcommandfile "$preboot" \
        --postbootcommandfile "$postboot" \
        --deploy "$war"
    ;;
  *)
    echo "unknown container '$container': use wildfly or payara" >&2
    exit 2
    ;;
esac
