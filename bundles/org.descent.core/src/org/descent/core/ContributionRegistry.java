package org.descent.core;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;

/**
 * Every contribution made to Descent's extension points (all extension points whose id starts
 * with {@value #NAMESPACE_PREFIX}, except the workbench's own points under
 * {@value #WORKBENCH_PREFIX}, which its views read themselves), read from the Eclipse extension
 * registry. Available as an OSGi service.
 * <p>
 * Reading is forgiving: a broken contribution (its declaration, or its class: not found, not
 * loadable, of the wrong type for its point, not a concrete public class; checked
 * without creating an instance) is logged with its contributing bundle, reported by
 * {@link #problems()} and left out; everything else keeps working.
 *
 * @since 0.1.0
 */
public interface ContributionRegistry {

    /** Extension points whose id starts with this prefix are Descent's. */
    String NAMESPACE_PREFIX = "org.descent.";

    /** Extension points of the workbench (views, renderers): not contributions of the engine. */
    String WORKBENCH_PREFIX = "org.descent.ui.";

    /** All valid contributions, sorted by extension point, kind and id. */
    List<Contribution> contributions();

    /** The valid contributions to one extension point (full id), sorted by kind and id. */
    List<Contribution> contributions(String extensionPointId);

    /** The contribution with this id in that extension point. */
    Optional<Contribution> find(String extensionPointId, String id);

    /** Contributions that were left out, and why. */
    List<ContributionProblem> problems();

    /**
     * Why the contribution with this id to that point was left out, when one was declared but is
     * broken (its class missing or of the wrong type, an invalid declaration, a duplicate id).
     */
    default Optional<ContributionProblem> problem(String extensionPointId, String id) {
        return problems().stream().filter(p -> p.concerns(extensionPointId, id)).findFirst();
    }

    /** Full ids of Descent's extension points that are installed, sorted. */
    List<String> extensionPoints();

    /**
     * Creates the contribution's implementation (its {@code class} attribute) in the
     * contributing bundle, and checks its type.
     *
     * @throws CoreException naming the contribution and bundle when the class is missing,
     *             cannot be created (with the constructor's own message; the whole chain is
     *             logged), or is not a {@code type}
     */
    <T> T createExecutable(Contribution contribution, Class<T> type) throws CoreException;
}
