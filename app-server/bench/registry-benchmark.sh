#!/usr/bin/env bash
# Registry latency at 1,000,000 filings in 10 counties (100,000 each) for the city office, a county-bound reviewer
# and the city's drill-down side by side; the dashboards; a 100,000-row export; in a JVM limited to 256 MB of heap.
# Needs a MariaDB/MySQL (default: the machine's, schema filing_bench); Redis and S3 are taken from
# SPRING_DATA_REDIS_HOST / STORAGE_ENDPOINT or started embedded. Results: docs/performance.md.
#   app-server/bench/registry-benchmark.sh [-Dbench.rows=1000000] [-Dbench.requests=300] [-Dbench.dashboard-requests=30]
#     [-Dbench.generate-only=true] [-Dbench.jdbc-url=jdbc:mysql://…]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx256m -XX:+UseG1GC "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.cac.bench.RegistryBenchmark
