/** The Descent workbench: application, perspective, views and dialogs. Not API. */
@NonNullByDefault
package org.descent.ui.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
