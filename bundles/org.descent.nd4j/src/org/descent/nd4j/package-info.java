/**
 * ND4J's CPU backend inside OSGi: the org.nd4j.* packages are exported by this bundle, and
 * {@link org.descent.nd4j.Nd4jRuntime} describes the backend.
 */
@NonNullByDefault
package org.descent.nd4j;

import org.eclipse.jdt.annotation.NonNullByDefault;
