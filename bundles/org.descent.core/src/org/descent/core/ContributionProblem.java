package org.descent.core;

/**
 * A contribution that was left out because it is broken: its declaration (missing id or name, a
 * duplicate id, an invalid hyperparameter) or its class (not found, not loadable, of the wrong
 * type for its extension point, not a concrete public class). The rest of the
 * registry works without it.
 *
 * @param extensionPoint full id of the extension point, or empty for a problem of a whole bundle
 *            (installed but not resolvable, so none of its contributions is read)
 * @param bundle the contributing bundle
 * @param kind the element name ({@code optimizer}, {@code loss}, ...), or empty when the
 *            problem is not one element's
 * @param id the contribution's id, or empty when it has none (or the problem is not one
 *            element's)
 * @param message what is wrong, naming the element and the value
 *
 * @since 0.1.0
 */
public record ContributionProblem(String extensionPoint, String bundle, String kind, String id, String message) {

    /** A problem that names no single contribution (a bundle's, or an element without an id). */
    public ContributionProblem(String extensionPoint, String bundle, String message) {
        this(extensionPoint, bundle, "", "", message);
    }

    /** Whether this problem is the contribution with this id to that point (a broken one, not a valid one). */
    public boolean concerns(String point, String contributionId) {
        return !id.isEmpty() && extensionPoint.equals(point) && id.equals(contributionId);
    }

    /**
     * What is wrong, without the leading {@code optimizer 'x': } that {@link #message()} starts
     * with, for a caller that names the contribution itself.
     */
    public String reason() {
        String owner = kind + " '" + id + "': ";
        return !id.isEmpty() && message.startsWith(owner) ? message.substring(owner.length()) : message;
    }

    @Override
    public String toString() {
        return extensionPoint.isEmpty() ? message : bundle + ": " + extensionPoint + ": " + message;
    }
}
