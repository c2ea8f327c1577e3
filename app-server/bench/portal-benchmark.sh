#!/usr/bin/env bash
# Encrypted text messages to the official-account portal on loopback, de-duplication on.
# Needs a MariaDB/MySQL (default: the machine's, schema filing_bench_portal); Redis from
# SPRING_DATA_REDIS_HOST or embedded. Results: docs/performance.md.
#   app-server/bench/portal-benchmark.sh [-Dbench.requests=30000] [-Dbench.concurrency=32]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx512m -XX:+UseG1GC "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.cac.bench.PortalBenchmark
