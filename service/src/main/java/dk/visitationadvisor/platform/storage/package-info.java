/**
 * Storage plumbing shared by every store of case data: group commits that answer only once a write is
 * committed, telling an unavailable database from a broken request, and evicting broken connections.
 */
package dk.visitationadvisor.platform.storage;
