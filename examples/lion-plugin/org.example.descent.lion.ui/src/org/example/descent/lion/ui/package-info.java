/** The workbench renderer of the sign-agreement analysis. */
@NonNullByDefault
package org.example.descent.lion.ui;

import org.eclipse.jdt.annotation.NonNullByDefault;
