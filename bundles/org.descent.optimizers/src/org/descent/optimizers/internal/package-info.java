/** The optimizer and schedule implementations behind the contributions in plugin.xml. */
@NonNullByDefault
package org.descent.optimizers.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
