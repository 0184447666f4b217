/**
 * Assessing a family: the request and response of the recommendation API, turning a request into
 * the facts the rules see, and assembling the explained recommendation from what the rules found.
 */
package dk.visitationadvisor.assessment;
