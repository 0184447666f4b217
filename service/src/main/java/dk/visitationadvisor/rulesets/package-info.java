/**
 * Rule sets as their authors change them: a candidate's checks (does it build, do the scenarios pass,
 * what do they leave untested), run in a worker process; the preview of what it would change in
 * stored assessments; the rule catalogue; and the rule-set API over them. Making one live is the
 * activation's.
 */
package dk.visitationadvisor.rulesets;
