/** Tests of the analysis views. */
@NonNullByDefault
package org.descent.ui.analysis.tests;

import org.eclipse.jdt.annotation.NonNullByDefault;
