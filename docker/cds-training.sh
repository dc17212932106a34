#!/bin/sh
# Class-data sharing for the packaged platform: a training start writes app.jsa, the archive of every class
# the start-up loaded, so later starts map those classes instead of loading, verifying and parsing them again
# (docs/benchmarks-startup.md measures the gain). Used by docker/Dockerfile and by PackagedStartupBenchmarkIT.
#
#   cds-training.sh DIR
#
# DIR holds the extracted application (java -Djarmode=tools -jar nrs-referral-platform.jar extract
# --destination DIR, renamed to DIR/app.jar beside DIR/lib/). The training starts the demo profile on a
# throw-away H2 database, stops once the Spring context is refreshed (engine built, models deployed, directory
# seeded; no web traffic, no agency called) and leaves DIR/app.jsa. Start the platform afterwards from DIR, as
# the training did: java -XX:SharedArchiveFile=app.jsa -jar app.jar (the archive is only valid for this JVM and
# these jars; a JVM that cannot use it says so with -Xlog:cds and starts without it).
set -eu
dir=$1
java=${JAVA:-java}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
cd "$dir"
rm -f app.jsa
NRS_DATA_DIR="$data" SPRING_PROFILES_ACTIVE=demo "$java" -XX:ArchiveClassesAtExit=app.jsa \
  -Dspring.context.exit=onRefresh -jar app.jar > "$data/training.log" 2>&1 || {
  echo "the CDS training start failed:"; tail -40 "$data/training.log"; exit 1; }
if [ ! -s app.jsa ]; then
  echo "the CDS training start wrote no archive:"; tail -40 "$data/training.log"; exit 1
fi
echo "CDS archive: $dir/app.jsa ($(du -k app.jsa | cut -f1) KiB)"
