#!/usr/bin/env bash
# Class-data sharing for a faster start, made by the build in its `package` phase (service/pom.xml;
# skip it with -Dcds.skip): extracts the packaged jar into target/cds/ (Spring Boot's
# `-Djarmode=tools extract`: the application's jar and its libraries beside it, which class-data
# sharing can read, where it cannot read jars nested in a jar) and dumps a static AppCDS archive,
# target/cds/app.jsa, of every class a start-up loads (Spring, Drools, the rule compiler), from a
# training run that starts the service and exits once the context is refreshed
# (-Dspring.context.exit=onRefresh, Spring Boot's documented way). Launch with:
#   java -XX:SharedArchiveFile=service/target/cds/app.jsa -jar service/target/cds/visitation-advisor.jar
# The archive fits only this jar and this JDK, so the build makes it again with every package.
# OpenJDK 17 crashes on -XX:ArchiveClassesAtExit (the one-step way Spring Boot documents) and when
# dumping lambda proxy classes (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), so
# the class list goes without its @lambda-proxy lines.
#   service/src/build/cds-archive.sh <the build directory, service/target> <the rules directory>
set -euo pipefail
target=$(cd "$1" && pwd)
rules=$2
jar="$target/visitation-advisor.jar"
cds="$target/cds"
rm -rf "$cds"
java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null
training="$target/cds-training"
rm -rf "$training"
mkdir -p "$training"
# The packaged rules by default; a port of its own (0: any free one), a data directory of its own.
java -XX:DumpLoadedClassList="$training/classes.lst" -Dspring.context.exit=onRefresh \
  -jar "$cds/visitation-advisor.jar" --server.port=0 --advisor.data.directory="$training/data" \
  --advisor.rules.directory="$rules" \
  >"$training/training.log" 2>&1 || { tail -20 "$training/training.log"; exit 1; }
grep -v '^@lambda' "$training/classes.lst" >"$training/classes-without-lambdas.lst"
# The class path as the service is launched (java -jar …/cds/visitation-advisor.jar): the jar, whose
# manifest names its libraries.
java -Xshare:dump -XX:SharedClassListFile="$training/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$cds/app.jsa" -cp "$cds/visitation-advisor.jar" >"$training/dump.log" 2>&1 \
  || { tail -20 "$training/dump.log"; exit 1; }
echo "$cds/app.jsa: $(du -m "$cds/app.jsa" | cut -f1) MB, $(wc -l <"$training/classes-without-lambdas.lst") classes"
rm -rf "$training"
