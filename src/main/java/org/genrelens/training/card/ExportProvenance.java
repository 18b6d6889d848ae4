package org.genrelens.training.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provenance {@code genrelens export} writes: how the file was made and, for each member, its file, name, hash,
 * time and its own provenance, copied as its card has it (a member may come from any trainer or an older GenreLens).
 *
 * @param exporter how the file was made, in words
 * @param members  the models it was made from
 * @param java     the Java runtime's version
 */
public record ExportProvenance(String exporter, List<Member> members, String java) implements ModelProvenance {

    /** One model the export was made from. */
    public record Member(String file, String name, String sha256, String createdAt, Map<String, Object> provenance) {
        public Member {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(createdAt, "createdAt");
            provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("file", file);
            map.put("name", name);
            map.put("sha256", sha256);
            map.put("createdAt", createdAt);
            map.put("provenance", provenance);
            return map;
        }

        static Member read(CardFields m) {
            return new Member(m.text("file"), m.text("name"), m.text("sha256"), m.text("createdAt"),
                    m.verbatim("provenance"));
        }
    }

    public ExportProvenance {
        Objects.requireNonNull(exporter, "exporter");
        members = List.copyOf(members);
        Objects.requireNonNull(java, "java");
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("exporter", exporter);
        map.put("members", members.stream().map(Member::toMap).toList());
        map.put("java", java);
        return map;
    }

    static ExportProvenance read(CardFields p) {
        return new ExportProvenance(p.text("exporter"), p.sections("members").stream().map(Member::read).toList(),
                p.text("java"));
    }
}
