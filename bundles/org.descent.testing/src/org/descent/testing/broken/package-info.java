/**
 * Deliberately broken plugin code, copied by {@link org.descent.testing.BrokenBundle} into a
 * bundle that tests install and remove again: each class fails in one place (its constructor,
 * {@code configure}, {@code step}, {@code evaluate}) with a message the tests look for. Never
 * contributed by this bundle itself, so no other test's registry sees them.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.testing.broken;
