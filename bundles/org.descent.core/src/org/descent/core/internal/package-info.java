/** Implementation of the contribution registry; not API. */
@NonNullByDefault
package org.descent.core.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
