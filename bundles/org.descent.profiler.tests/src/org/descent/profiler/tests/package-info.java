/** Tests of the threading profiler and of descent gil. */
@NonNullByDefault
package org.descent.profiler.tests;

import org.eclipse.jdt.annotation.NonNullByDefault;
