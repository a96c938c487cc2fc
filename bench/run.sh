#!/usr/bin/env bash
# Runs one benchmark scenario against a server of its own, started here and stopped afterwards:
#   bench/run.sh <idle|rooms|fanout|churn|notify> [wildfly|payara] [--option value ...]
# Builds the WAR and the load generator, starts the container through the run command with a fixed,
# pre-touched heap on ports of its own (HTTP 48080; WildFly shifted by 40000, so management is 49990),
# waits until it answers, runs the scenario with --server-pid set, and stops the server.
# Results go to bench/results/. Extra options go to the load generator (see bench/README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
scenario=${1:?usage: bench/run.sh <idle|rooms|fanout|churn|notify> [wildfly|payara] [--option value ...]}
shift
container=wildfly
if [[ $# -gt 0 && $1 != --* ]]; then
  container=$1
  shift
fi
port=${BENCH_PORT:-48080}
offset=${BENCH_PORT_OFFSET:-40000}
heap=${BENCH_HEAP:-2g}
profile=()
[[ $container == payara ]] && profile=(-Ppayara)

# A fixed heap, touched at start, so RSS and heap figures mean the same on every run. The server
# limits are raised so that one load generator on one address may open thousands of connections
# and send at the benchmark's rates; each one is named in bench/README.md.
export TIDINGS_JAVA_OPTS="-Xms$heap -Xmx$heap -XX:+AlwaysPreTouch ${BENCH_SERVER_OPTS:-}"
export TIDINGS_SETTINGS="tidings.limits.connections=20000 tidings.limits.connections-per-address=20000
  tidings.limits.rate-per-second=1000 tidings.limits.rate-burst=2000 tidings.admin.api-key=bench-admin-key
  ${BENCH_SETTINGS:-}"

cd "$root"
if ss -ltnH "sport = :$port" | grep -q .; then
  echo "port $port is in use; set BENCH_PORT and BENCH_PORT_OFFSET to free ones" >&2
  exit 1
fi
mvn -q -f bench/pom.xml package
mvn -q -DskipTests "${profile[@]}" package

mkdir -p "$here/results"
log="$here/target/server-$container.log"
# package and run in one invocation: the ready WAR's module finds the runtime jar in the reactor.
setsid mvn -q -DskipTests "${profile[@]}" package exec:exec@run -Dtidings.port="$port" \
    -Dwildfly.port.offset="$offset" -Dwildfly.management.port=$((9990 + offset)) > "$log" 2>&1 &
group=$!
stop() {
  kill -TERM -- "-$group" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 -- "-$group" 2>/dev/null || return 0
    sleep 1
  done
  kill -KILL -- "-$group" 2>/dev/null || true
}
trap stop EXIT

echo "waiting for $container on 127.0.0.1:$port (log: $log)"
for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/tidings/" 2>/dev/null && break
  kill -0 "$group" 2>/dev/null || { cat "$log"; echo "the server stopped" >&2; exit 1; }
  sleep 1
done
pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[[ -n $pid ]] || { echo "nothing listens on $port after 180 s; see $log" >&2; exit 1; }
echo "server pid $pid"

java -Xms1g -Xmx1g ${BENCH_CLIENT_OPTS:-} -cp "$here/target/classes:$(cat "$here/target/classpath")" io.tidings.bench.Bench \
    "$scenario" --url "ws://127.0.0.1:$port/tidings/ws" --server-pid "$pid" --container "$container" \
    --out "$here/results" "$@"
