package org.genrelens.library;

import java.util.List;

/**
 * One step of the schema: applied once, in order, inside one transaction together with the new
 * {@code user_version}. Released migrations are never edited; a change is a new migration.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, was " + version);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a migration needs a description");
        }
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("migration " + version + " has no statements");
        }
    }
}
