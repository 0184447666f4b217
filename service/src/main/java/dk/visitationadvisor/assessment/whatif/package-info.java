/**
 * What would change the outcome: the missing facts ranked by what their possible values decide, and the
 * smallest changes of changeable facts that would change a programme's status or a visit plan at its upper
 * end. Both run the family's variants through the same rules as the answer (see docs/what-if.md).
 */
package dk.visitationadvisor.assessment.whatif;
