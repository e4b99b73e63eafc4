package org.physrec.optim.learned;

import java.util.Map;

/** Typed reads of checkpoint config fields with errors that name the field. */
final class Configs {

    private Configs() {
    }

    static Object required(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v == null) {
            throw new IllegalArgumentException("config: missing field '" + key + "'");
        }
        return v;
    }

    static int intValue(Map<String, Object> c, String key) {
        Object v = required(c, key);
        if (!(v instanceof Number num) || num.doubleValue() != Math.rint(num.doubleValue())) {
            throw new IllegalArgumentException("config: field '" + key + "' must be an integer, got " + v);
        }
        return num.intValue();
    }

    static double doubleValue(Map<String, Object> c, String key) {
        Object v = required(c, key);
        if (!(v instanceof Number num)) {
            throw new IllegalArgumentException("config: field '" + key + "' must be a number, got " + v);
        }
        return num.doubleValue();
    }
}
