#!/usr/bin/env bash
# Registry latency at 1,000,000 filings and a 100,000-row export, in a JVM limited to 256 MB of heap.
# Needs a MariaDB/MySQL (default: the machine's, schema filing_bench); Redis and S3 are taken from
# SPRING_DATA_REDIS_HOST / STORAGE_ENDPOINT or started embedded. Results: docs/performance.md.
#   app-server/bench/registry-benchmark.sh [-Dbench.rows=1000000] [-Dbench.requests=300] [-Dbench.jdbc-url=jdbc:mysql://…]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx256m -XX:+UseG1GC "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.cac.bench.RegistryBenchmark
