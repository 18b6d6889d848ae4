/** Library commands: scan, analyze, list, stats, review, tag, undo and the genre map, and the options they share. */
package org.genrelens.app.library;
