/** The {@code gradients} analysis: per-example gradients in one pass, contributed in plugin.xml. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.gradients.internal;
