/**
 * The rule authors' page: the live rule set's files, a candidate edited file by file, and the checks
 * of the rule-set API (validate, run the scenarios, preview the impact, activate) on it, with every
 * error in plain Danish (or English) and the line it is on. It calls the same services as the API
 * ({@code RuleSetChecks}, {@code ImpactPreview}, {@code Activations}); nothing is checked twice over.
 */
package dk.visitationadvisor.authoringpage;
