/** descent install, uninstall and installed: p2 repositories into the user's plugin folder. */
@NonNullByDefault
package org.descent.p2.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
