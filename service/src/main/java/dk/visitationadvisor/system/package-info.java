/**
 * The service's own state for operators and load balancers: health, readiness, the live rule set; and
 * the measured pools of worker threads that features run in parallel on.
 */
package dk.visitationadvisor.system;
