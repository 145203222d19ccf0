package org.legwatch.host.store;

import java.util.Objects;

/**
 * A patient: the id used everywhere (a study pseudonym or a clinic's code) and an optional name
 * for the clinician's eyes (empty when not given).
 */
public record Patient(String id, String name) {
    public Patient {
        Ids.requireCode("patient id", id);
        Objects.requireNonNull(name, "name");
        if (name.chars().anyMatch(Character::isISOControl) || name.length() > 200) {
            throw new IllegalArgumentException("patient name: at most 200 characters, no control characters");
        }
    }
}
