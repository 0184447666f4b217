/**
 * Validation shared by every feature's requests: a pseudonymous case reference must not be shaped like a
 * CPR number.
 */
package dk.visitationadvisor.platform.validation;
