/** Tests of the information and transport analyses against POT, SciPy and NumPy fixtures. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.descent.analysis.distributions.tests;
