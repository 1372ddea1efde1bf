package dev.cairn.migrations.internal;

/**
 * An object an interrupted migration left behind, and the statement that removes it. Immutable.
 *
 * @param description what it is, for a message, such as {@code INVALID index public.orders_by_customer}
 * @param removal     the statement that removes it, to run outside a transaction
 */
public record Leftover(String description, String removal) {
}
