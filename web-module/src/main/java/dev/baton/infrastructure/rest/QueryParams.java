package dev.baton.infrastructure.rest;

import dev.baton.infrastructure.problem.ProblemException;
import java.util.Arrays;

/** Strict parsing of query parameters: a bad value is a 400 naming the parameter, never a 404 or 500. */
public final class QueryParams {

    private QueryParams() {}

    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be an integer, was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw ProblemException.badRequest(name, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
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
