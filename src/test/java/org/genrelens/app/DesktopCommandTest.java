package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DesktopCommandTest {

    @Test
    void onLinuxTheAppNeedsAnX11OrWaylandDisplay() {
        assertFalse(DesktopCommand.displayAvailable("Linux", Map.of(), null));
        assertFalse(DesktopCommand.displayAvailable("Linux", Map.of("DISPLAY", " "), null));
        assertTrue(DesktopCommand.displayAvailable("Linux", Map.of("DISPLAY", ":0"), null));
        assertTrue(DesktopCommand.displayAvailable("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertTrue(DesktopCommand.displayAvailable("Linux", Map.of(), "Monocle"));
    }

    @Test
    void windowsAndMacOsAlwaysHaveADesktop() {
        assertTrue(DesktopCommand.displayAvailable("Windows 11", Map.of(), null));
        assertTrue(DesktopCommand.displayAvailable("Mac OS X", Map.of(), null));
    }
}
