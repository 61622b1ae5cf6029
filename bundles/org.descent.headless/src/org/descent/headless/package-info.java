/**
 * API for headless commands: implement {@link org.descent.headless.Command} and contribute it
 * to the {@code org.descent.headless.commands} extension point.
 */
@NonNullByDefault
package org.descent.headless;

import org.eclipse.jdt.annotation.NonNullByDefault;
