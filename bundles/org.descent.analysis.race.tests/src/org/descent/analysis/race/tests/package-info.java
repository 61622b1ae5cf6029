/** Tests of the optimizer race. */
@NonNullByDefault
package org.descent.analysis.race.tests;

import org.eclipse.jdt.annotation.NonNullByDefault;
