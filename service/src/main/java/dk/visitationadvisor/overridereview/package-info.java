/**
 * The override review for domain experts: from the decisions caseworkers recorded, how often each rule
 * and each recommendation was overridden over a period, with the reasons given; a rule overridden in
 * more than a set share of its cases is flagged for review. An API endpoint and a page, for rule authors.
 */
package dk.visitationadvisor.overridereview;
