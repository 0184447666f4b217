/**
 * The scenarios of test-cases/: a family and what the rules must answer for it, run against a rule
 * set in memory; and the rules and codes no scenario covers.
 */
package dk.visitationadvisor.scenarios;
