/**
 * Loads the rule set (Drools rule files, parameters, source passages), compiles and checks it, and
 * evaluates a family's facts against it in a fresh session per assessment. Knows nothing of HTTP.
 */
package dk.visitationadvisor.ruleengine;
