/** The headless application, its command-line parser and the built-in commands; not API. */
@NonNullByDefault
package org.descent.headless.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
