/**
 * The navigator's data side, free of SWT: reads the experiments folder and the run store off
 * the UI thread into immutable snapshots that the navigator's label providers only look up.
 * Not API.
 */
@NonNullByDefault
package org.descent.ui.internal.store;

import org.eclipse.jdt.annotation.NonNullByDefault;
