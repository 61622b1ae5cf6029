/**
 * Forms generated from declared hyperparameters, for the experiment editor and for any view or
 * dialog that configures a contribution (an analysis, an optimizer): API.
 */
@NonNullByDefault
package org.descent.ui.forms;

import org.eclipse.jdt.annotation.NonNullByDefault;
