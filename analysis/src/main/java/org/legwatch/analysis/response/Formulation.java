package org.legwatch.analysis.response;

import java.util.List;
import java.util.Locale;

/**
 * IV iron formulations, recognised from the product text of the therapy record by generic or brand
 * name, so that a cohort can be summarised by formulation however the clinic spelled it.
 */
public enum Formulation {
    FERRIC_CARBOXYMALTOSE("ferric_carboxymaltose", "ferric carboxymaltose", "carboxymaltose", "fcm", "ferinject", "injectafer"),
    IRON_DEXTRAN("iron_dextran", "iron dextran", "dextran", "lmwid", "infed", "cosmofer", "dexferrum"),
    FERUMOXYTOL("ferumoxytol", "ferumoxytol", "feraheme", "rienso"),
    FERRIC_DERISOMALTOSE("ferric_derisomaltose", "ferric derisomaltose", "derisomaltose", "isomaltoside", "monofer", "monoferric"),
    IRON_SUCROSE("iron_sucrose", "iron sucrose", "sucrose", "venofer"),
    SODIUM_FERRIC_GLUCONATE("sodium_ferric_gluconate", "ferric gluconate", "gluconate", "ferrlecit"),
    OTHER("other");

    private final String code;
    private final List<String> names;

    Formulation(String code, String... names) {
        this.code = code;
        this.names = List.of(names);
    }

    public String code() {
        return code;
    }

    /** The formulation a product text names, {@link #OTHER} when none is recognised. */
    public static Formulation of(String product) {
        String text = product == null ? "" : product.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        for (Formulation formulation : values()) {
            for (String name : formulation.names) {
                if (formulation != OTHER && containsWord(text, name)) {
                    return formulation;
                }
            }
        }
        return OTHER;
    }

    private static boolean containsWord(String text, String name) {
        int at = text.indexOf(name);
        while (at >= 0) {
            boolean startsWord = at == 0 || !Character.isLetter(text.charAt(at - 1));
            int end = at + name.length();
            boolean endsWord = end == text.length() || !Character.isLetter(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            at = text.indexOf(name, at + 1);
        }
        return false;
    }
}
