/** Implementation of the run store and engine: metrics files, checkpoints, safe XMI loading. */
@NonNullByDefault
package org.descent.experiment.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
