/**
 * The case history: every assessment stored with its request, its exact response and the rule set
 * that answered it; the timeline of a case; and the previous assessment that trends compare with.
 */
package dk.visitationadvisor.casehistory;
