#!/usr/bin/env bash
# One daily reminder scan over 1,000,000 filings beside a naive read-everything scan: time and rows read.
# Needs a MariaDB/MySQL (default: the machine's, schema filing_bench, shared with registry-benchmark.sh);
# Redis and S3 from SPRING_DATA_REDIS_HOST / STORAGE_ENDPOINT or embedded. Results: docs/performance.md.
#   app-server/bench/reminder-benchmark.sh [-Dbench.rows=1000000] [-Dbench.rounds=5] [-Dbench.jdbc-url=jdbc:mysql://…]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx256m -XX:+UseG1GC "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.cac.gzh.reminder.internal.ReminderScanBenchmark
