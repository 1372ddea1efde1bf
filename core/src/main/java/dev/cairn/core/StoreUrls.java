package dev.cairn.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Store URLs: scheme, location, query parameters, and masking of passwords. Thread-safe. */
public final class StoreUrls {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "((?:^|[?&;])(?:[a-z_]*password|pass|pwd|secret)=)([^&;]*)", Pattern.CASE_INSENSITIVE);

    private StoreUrls() {
    }

    /** The scheme, lower case, without a leading {@code jdbc:}; empty when there is none. */
    public static String scheme(String url) {
        String rest = stripJdbc(url);
        int colon = rest.indexOf(':');
        return colon <= 0 ? "" : rest.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * What follows the scheme and its colon, without the query string (its parameters are in
     * {@link #queryParameters}).
     */
    public static String location(String url) {
        String rest = stripJdbc(url);
        int colon = rest.indexOf(':');
        String location = colon < 0 ? rest : rest.substring(colon + 1);
        int question = location.indexOf('?');
        return question < 0 ? location : location.substring(0, question);
    }

    /** The URL with the password of {@code user:password@} and of {@code password=} parameters masked. */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        return PASSWORD_PARAMETER.matcher(maskUserInfo(url)).replaceAll("$1****");
    }

    /**
     * The password of {@code //user:password@host} masked. A password may hold '@', '/' or ':' unescaped, as
     * drivers accept it, so the user info runs to the last '@' before the query string.
     */
    private static String maskUserInfo(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return url;
        }
        int query = url.indexOf('?', start);
        int end = url.lastIndexOf('@', query < 0 ? url.length() - 1 : query);
        if (end < start) {
            return url;
        }
        int colon = url.indexOf(':', start + 2);
        if (colon < 0 || colon > end) {
            return url;
        }
        return url.substring(0, colon + 1) + "****" + url.substring(end);
    }

    /** The parameters of the query string, decoded, in order. */
    public static Map<String, String> queryParameters(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = url.indexOf('?');
        if (question < 0) {
            return parameters;
        }
        for (String pair : url.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(decode(key), decode(value));
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String stripJdbc(String url) {
        return url.regionMatches(true, 0, "jdbc:", 0, 5) ? url.substring(5) : url;
    }
}
