/**
 * Checking a plan and repairing what is safe to repair.
 *
 * <p>{@link dev.cairn.core.doctor.Doctor} examines a plan for orphans, Commands without AcceptanceCriteria, and
 * the values another tool may have written past Cairn's rules (unknown statuses, progress out of range, links
 * against the layer order or with a missing end), and repairs the safe ones on request, each with an event;
 * {@link dev.cairn.core.doctor.DoctorReport} lists the findings and the repairs.
 */
package dev.cairn.core.doctor;
