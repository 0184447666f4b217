/**
 * Which rule set is live: activating a checked candidate, rolling back to an earlier version, the
 * log of every activation, and every instance on the database following the latest.
 */
package dk.visitationadvisor.activation;
