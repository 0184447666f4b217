/**
 * Shared plumbing that names no feature: HTTP problem details and filters, storage helpers,
 * validation. Any feature may use it; it uses none of them (the architecture test says so).
 */
package dk.visitationadvisor.platform;
