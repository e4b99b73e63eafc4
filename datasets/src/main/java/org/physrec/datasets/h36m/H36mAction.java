package org.physrec.datasets.h36m;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human3.6M action names and their quirks. The release and VideoPose3D name the same recording
 * differently ("TakingPhoto" / "Photo", "WalkingDog" / "WalkDog", "WalkingTogether" /
 * "WalkTogether") and number sub-actions inconsistently: most subjects have "Walking" and
 * "Walking 1", some have only "Discussion 1" and "Discussion 2". Validation tables write "Walking_1".
 *
 * <p>Resolution rule: a request is read as (base, number), "_" and " " alike, aliases folded. A
 * recording with exactly that base and number is taken ("Walking_1" -> "Walking 1", "Photo" ->
 * "TakingPhoto"). Otherwise the number is read as an ordinal among that action's recordings
 * (unnumbered first, then by number): "X" is the first and "X_1" the second, so S11's
 * "Discussion" is "Discussion 1" and its "Smoking_1" is "Smoking 2".
 */
public final class H36mAction {

    /** The 15 actions with their canonical (release) base names. */
    public static final List<String> ACTIONS = List.of("Directions", "Discussion", "Eating", "Greeting", "Phoning",
            "Posing", "Purchases", "Sitting", "SittingDown", "Smoking", "TakingPhoto", "Waiting", "Walking", "WalkDog",
            "WalkTogether");

    private static final Pattern NAME = Pattern.compile("^([A-Za-z]+)(?:[ _](\\d+))?$");

    private H36mAction() {
    }

    /** Canonical base name: aliases folded, e.g. "Photo" -> "TakingPhoto", "WalkingDog" -> "WalkDog". */
    public static String canonicalBase(String base) {
        String b = base.trim();
        switch (b.toLowerCase(Locale.ROOT)) {
            case "photo": case "takingphoto": return "TakingPhoto";
            case "walkdog": case "walkingdog": return "WalkDog";
            case "walktogether": case "walkingtogether": return "WalkTogether";
            default:
                for (String a : ACTIONS) {
                    if (a.equalsIgnoreCase(b)) {
                        return a;
                    }
                }
                throw new IllegalArgumentException("action: unknown Human3.6M action '" + base + "' (known: " + ACTIONS + ")");
        }
    }

    /** Base and number of a name ("Walking 1" -> Walking, 1; "Photo" -> TakingPhoto, 0). */
    static Object[] parse(String name) {
        Matcher m = NAME.matcher(name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("action: cannot parse Human3.6M action name '" + name + "'");
        }
        return new Object[] {canonicalBase(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
    }

    /** Finds the available recording (a key or file stem as spelled in the data) a request means. */
    public static Optional<String> resolve(String requested, Collection<String> available) {
        Object[] want = parse(requested);
        List<Object[]> same = new ArrayList<>();
        for (String a : available) {
            Object[] p;
            try {
                p = parse(a);
            } catch (IllegalArgumentException e) {
                continue; // not an action name (e.g. "_ALL")
            }
            if (p[0].equals(want[0])) {
                if (p[1].equals(want[1])) {
                    return Optional.of(a);
                }
                same.add(new Object[] {a, p[1]});
            }
        }
        same.sort(Comparator.comparingInt(o -> (Integer) o[1]));
        int ordinal = (Integer) want[1];
        return ordinal < same.size() ? Optional.of((String) same.get(ordinal)[0]) : Optional.empty();
    }
}
