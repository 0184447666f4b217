/**
 * The rule authors' command line: check a rules directory, run its scenarios and coverage, and preview
 * or activate it on a running service (scripts/rules, docs/authoring-cli.md).
 */
package dk.visitationadvisor.cli;
