/** The review queue: tracks whose genre a person should decide, ordered by what the decision teaches (decision 0021). */
package org.genrelens.workspace.review;
