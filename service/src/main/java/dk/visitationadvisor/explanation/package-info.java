/**
 * Explains what the rules found in words a caseworker can read: each statement with the rule that
 * made it, its text in Danish or English, the source passage behind it, and the facts that made it fire.
 */
package dk.visitationadvisor.explanation;
