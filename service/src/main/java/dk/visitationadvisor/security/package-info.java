/** Protection of the families' personal data: what may never enter the service, and what never leaves it. */
package dk.visitationadvisor.security;
