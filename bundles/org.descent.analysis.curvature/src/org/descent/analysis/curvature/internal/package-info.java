/** The {@code hessian} and {@code hessian-density} analyses contributed in plugin.xml. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.curvature.internal;
