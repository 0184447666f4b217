/**
 * The vocabulary the rule files are written in: the facts about a family that rules match on, and the
 * findings, statuses and recommendations that rules insert.
 */
package dk.visitationadvisor.facts;
