/**
 * The service's own state for operators and load balancers: health, readiness, the live rule set.
 */
package dk.visitationadvisor.system;
