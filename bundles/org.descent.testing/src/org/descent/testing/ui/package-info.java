/** Test support for UI test bundles: spinning the event loop, finding widgets, screenshots. */
@NonNullByDefault
package org.descent.testing.ui;

import org.eclipse.jdt.annotation.NonNullByDefault;
