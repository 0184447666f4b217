/**
 * Tools for domain experts who change the rules: running the scenarios of test-cases/ against a
 * rule set, and finding the rules and codes no scenario covers.
 */
package dk.visitationadvisor.authoring;
