package dev.baton.infrastructure.rest;

import dev.baton.infrastructure.problem.ProblemException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Strict parsing of query parameters: a bad value is a 400 naming the parameter, never a 404 or 500. */
public final class QueryParams {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

    private QueryParams() {}

    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (!INTEGER.matcher(text).matches()) {
            throw ProblemException.badRequest(name, "must be an integer, was '" + value + "'");
        }
        // more than 18 significant digits is out of any int range; fewer always fit a long
        String digits = text.replaceFirst("^[-+]?0*", "");
        long parsed =
                digits.length() > 18 ? (text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE) : Long.parseLong(text);
        if (parsed < min || parsed > max) {
            throw ProblemException.badRequest(name, "must be between " + min + " and " + max + ", was " + text);
        }
        return (int) parsed;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.badRequest(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }
}
