/** Tests of the PCA, loss landscape and quantization analyses on real subjects. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.landscape.tests;
