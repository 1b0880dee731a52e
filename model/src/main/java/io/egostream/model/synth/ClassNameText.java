package io.egostream.model.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-English text of a class key, the string whose sentence embedding stands for the class: lower
 * case, {@code _} and {@code -} as spaces, and EPIC-KITCHENS' {@code noun:modifier:...} keys with the noun
 * moved last ({@code board:chopping} becomes {@code chopping board}, {@code machine:sous:vide} becomes
 * {@code sous vide machine}, {@code turn-on} becomes {@code turn on}, EGTEA
 * Gaze+'s {@code Turn on} and {@code eating_utensil} become {@code turn on} and {@code eating utensil}).
 */
public final class ClassNameText {

    private ClassNameText() {}

    /**
     * The text of a class key.
     *
     * @param classKey a class name as an annotation set spells it, e.g. {@code liquid:washing}
     * @return its text, e.g. {@code washing liquid}; never blank
     * @throws IllegalArgumentException when the key is null or has no letters or digits
     */
    public static String of(final String classKey) {
        if (classKey == null) {
            throw new IllegalArgumentException("class key is null");
        }
        final String spaced = classKey.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        final List<String> parts = new ArrayList<>(List.of(spaced.split(":")));
        if (parts.size() > 1) {
            parts.add(parts.remove(0));
        }
        final String text = String.join(" ", parts).trim().replaceAll("\\s+", " ");
        if (text.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("class key '" + classKey + "' has no letters or digits");
        }
        return text;
    }
}
