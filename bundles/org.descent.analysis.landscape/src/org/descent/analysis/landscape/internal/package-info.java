/** Loss Landscape and PCA analyses: the implementations behind the contributions in plugin.xml. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.landscape.internal;
