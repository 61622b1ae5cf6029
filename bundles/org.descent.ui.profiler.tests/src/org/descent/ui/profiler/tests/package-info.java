/** Tests of the profiler views and of the JVM recorder behind the JVM Threads view. */
@NonNullByDefault
package org.descent.ui.profiler.tests;

import org.eclipse.jdt.annotation.NonNullByDefault;
