#!/usr/bin/env bash
# The delivery pipeline at 100,000 recipients against a WeChat stub answering in 20 ms (a separate light
# process), side by side with a plain WxJava loop; a rate-limited push; two instances sharing a push; heap
# of a JVM limited to 256 MB; access-token fetches. Needs a MariaDB/MySQL (default: the machine's, schema
# filing_bench_delivery, emptied of pushes and followers at every run); Redis embedded unless
# -Dbench.redis-host is given. Results: docs/performance.md.
#   app-server/bench/delivery-benchmark.sh [-Dbench.recipients=100000] [-Dbench.baseline=1000] [-Dbench.rate=500]
#     [-Dbench.rate-recipients=20000] [-Dbench.skip-two-instances=true] [-Dbench.app-args="--delivery.concurrency=128"]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx256m -XX:+UseG1GC "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.cac.bench.DeliveryBenchmark
