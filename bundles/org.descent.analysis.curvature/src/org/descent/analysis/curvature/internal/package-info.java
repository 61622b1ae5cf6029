/** Curvature analyses: the implementations behind the contributions in plugin.xml. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.curvature.internal;
