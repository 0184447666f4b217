#!/usr/bin/env bash
# Class-data sharing for a faster start: extracts the jar into service/target/cds/ and dumps a
# static AppCDS archive of every class a start-up loads (Spring, Drools, the rule compiler), from a
# training run that starts the service and exits once the context is refreshed. Launch with:
#   java -XX:SharedArchiveFile=service/target/cds/app.jsa -jar service/target/cds/visitation-advisor.jar ...
# The archive fits only this jar and this JDK: make it again after every build (docs/performance.md).
# OpenJDK 17 crashes dumping lambda proxy classes (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary)
# and on -XX:ArchiveClassesAtExit, so the class list goes without its @lambda-proxy lines.
#   service/load/cds-archive.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f service/target/visitation-advisor.jar ] || mvn -B -q -DskipTests package
cds=service/target/cds
rm -rf "$cds"
java -Djarmode=tools -jar service/target/visitation-advisor.jar extract --destination "$cds" >/dev/null
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
java -XX:DumpLoadedClassList="$training/classes.lst" -Dspring.context.exit=onRefresh \
  -jar "$cds/visitation-advisor.jar" --advisor.data.directory="$training/data" --advisor.rules.directory=rules \
  >"$training/training.log" 2>&1 || { tail -20 "$training/training.log"; exit 1; }
grep -v '^@lambda' "$training/classes.lst" >"$training/classes-without-lambdas.lst"
java -Xshare:dump -XX:SharedClassListFile="$training/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$cds/app.jsa" -cp "$cds/visitation-advisor.jar" >"$training/dump.log" 2>&1 \
  || { tail -20 "$training/dump.log"; exit 1; }
echo "$cds/app.jsa: $(du -m "$cds/app.jsa" | cut -f1) MB, $(wc -l <"$training/classes-without-lambdas.lst") classes"
