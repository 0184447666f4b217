/**
 * The caseworker's web pages: a form to assess a family, the explained recommendation to read aloud
 * and print, and a case's timeline; server-rendered, over the same assessment service and validation
 * as the JSON API.
 */
package dk.visitationadvisor.caseworker;
