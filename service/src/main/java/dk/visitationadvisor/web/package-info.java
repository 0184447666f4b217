/**
 * The HTTP API: the assessment endpoint, problem documents for every client error, request size
 * limits, language negotiation and the OpenAPI description. Knows nothing of the rule engine.
 */
package dk.visitationadvisor.web;
