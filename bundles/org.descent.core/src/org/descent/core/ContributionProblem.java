package org.descent.core;

/**
 * A contribution that was left out because its declaration is broken (missing id or name, a
 * duplicate id, an invalid hyperparameter). The rest of the registry works without it.
 *
 * @param extensionPoint full id of the extension point
 * @param bundle the contributing bundle
 * @param message what is wrong, naming the element and the value
 */
public record ContributionProblem(String extensionPoint, String bundle, String message) {

    @Override
    public String toString() {
        return bundle + ": " + extensionPoint + ": " + message;
    }
}
