/**
 * The HTTP plumbing every feature's endpoints share: problem documents for every client error,
 * request reading and size limits, language negotiation, and the API document.
 */
package dk.visitationadvisor.platform.http;
