/** bench-decode: analysis timed against ffmpeg on generated or given tracks. */
package org.genrelens.app.bench;
