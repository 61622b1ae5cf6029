package org.descent.core;

/**
 * A contribution that was left out because its declaration is broken (missing id or name, a
 * duplicate id, an invalid hyperparameter). The rest of the registry works without it.
 *
 * @param extensionPoint full id of the extension point, or empty for a problem of a whole bundle
 *            (installed but not resolvable, so none of its contributions is read)
 * @param bundle the contributing bundle
 * @param message what is wrong, naming the element and the value
 *
 * @since 0.1.0
 */
public record ContributionProblem(String extensionPoint, String bundle, String message) {

    @Override
    public String toString() {
        return extensionPoint.isEmpty() ? message : bundle + ": " + extensionPoint + ": " + message;
    }
}
