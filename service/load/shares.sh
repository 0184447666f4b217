#!/usr/bin/env bash
# Where a profile's samples go (profile.sh's .collapsed file), by component, in % of all samples: the JIT
# compilers and the garbage collector by their threads; every other sample by the frame nearest its top
# that belongs to a known component (its own time, so the rules' calls into Java's collections count as
# the rules); H2 split into commits (a stack through a commit) and the statements.
#   service/load/shares.sh PROFILE.collapsed
set -euo pipefail
awk '
  BEGIN {
    n = split("rules (Drools, MVEL)|org/drools/|org/kie/|org/mvel|dk/visitationadvisor/ruleengine/;" \
      "H2|org/h2/;" \
      "JSON (Jackson)|tools/jackson/|com/fasterxml/;" \
      "what-if|dk/visitationadvisor/assessment/whatif/;" \
      "explanation and answer|dk/visitationadvisor/explanation/|dk/visitationadvisor/assessment/;" \
      "sign-in, access audit, rate limit|dk/visitationadvisor/security/|com/bucket4j|io/github/bucket4j|com/github/benmanes;" \
      "Spring Security|org/springframework/security/;" \
      "case history (JDBC, pool)|dk/visitationadvisor/casehistory/|com/zaxxer/hikari|org/springframework/jdbc|org/springframework/transaction;" \
      "Spring MVC, validation|org/springframework/web/|org/springframework/http/|org/hibernate/validator|org/springframework/validation;" \
      "Tomcat, network|org/apache/catalina/|org/apache/coyote/|org/apache/tomcat/|sun/nio/ch/Socket|sun/nio/ch/NioSocket|sun/nio/ch/EPoll", groups, ";")
    for (i = 1; i <= n; i++) { k = index(groups[i], "|"); name[i] = substr(groups[i], 1, k - 1); pat[i] = substr(groups[i], k + 1) }
  }
  { samples = $NF; total += samples; stack = substr($0, 1, length($0) - length($NF) - 1)
    if (stack ~ /CompileBroker|C2Compiler|C1Compiler/) { jit += samples; next }
    if (stack ~ /GCTaskThread|G1[A-Z]|ConcurrentGCThread|WorkerThread::run|VMThread/) { gc += samples; next }
    f = split(stack, frames, ";")
    for (j = f; j >= 1; j--) for (i = 1; i <= n; i++) if (frames[j] ~ pat[i]) {
      if (name[i] == "H2") { if (stack ~ /MVStore\.(store|commit|tryCommit)|Transaction\.commit|TransactionStore\.commit/) commit += samples; else stmt += samples }
      else share[i] += samples
      next }
    other += samples }
  END {
    printf "%-38s %5.1f %%\n", "H2: commits", 100 * commit / total
    printf "%-38s %5.1f %%\n", "H2: statements", 100 * stmt / total
    for (i = 1; i <= n; i++) if (name[i] != "H2") printf "%-38s %5.1f %%\n", name[i], 100 * share[i] / total
    printf "%-38s %5.1f %%\n%-38s %5.1f %%\n%-38s %5.1f %%\n%-38s %d\n", "JIT compilers", 100 * jit / total,
      "garbage collector, VM", 100 * gc / total, "other (JDK, kernel)", 100 * other / total, "samples", total }' "$1"
