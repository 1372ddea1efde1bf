package dev.cairn.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Store URLs: scheme, location, query parameters, and masking of passwords. Thread-safe. */
public final class StoreUrls {
    /** A password in a query string, up to the next '&'; or in H2's settings, up to the next ';'. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "((?:^|[?&])(?:[a-z_]*password|pass|pwd|secret)=)([^&]*)|((?:^|;)(?:[a-z_]*password|pass|pwd|secret)=)([^;]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_THEN_PATH = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:,_%]*/");
    private static final Pattern SETTING_PASSWORD = Pattern.compile(
            ";(?:[a-z_]*password|pass|pwd|secret)=[^;]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern PATH_THEN_QUERY = Pattern.compile("/[^@]*\\?[^@]*=");
    private static final Pattern HOST_THEN_END = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:,_%]*(?:\\?|$)");

    private StoreUrls() {
    }

    /**
     * The scheme, lower case, without a leading {@code jdbc:}; empty when there is none.
     *
     * @param url a store's URL
     * @return the scheme, such as {@code sqlite}
     */
    public static String scheme(String url) {
        String rest = stripJdbc(url);
        int colon = rest.indexOf(':');
        return colon <= 0 ? "" : rest.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * What follows the scheme and its colon, without the query string (its parameters are in
     * {@link #queryParameters}).
     *
     * @param url a store's URL
     * @return the location, such as {@code plan.db}
     */
    public static String location(String url) {
        String rest = stripJdbc(url);
        int colon = rest.indexOf(':');
        String location = colon < 0 ? rest : rest.substring(colon + 1);
        int question = queryStart(location);
        return question < 0 ? location : location.substring(0, question);
    }

    /**
     * The URL with the password of {@code user:password@} and of {@code password=} parameters masked.
     *
     * @param url a store's URL
     * @return the URL with {@code ****} for each password
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        return PASSWORD_PARAMETER.matcher(maskUserInfo(url))
                .replaceAll(match -> Matcher.quoteReplacement((match.group(1) != null ? match.group(1) : match.group(3))
                        + "****"));
    }

    /**
     * The password of {@code //user:password@host} masked, also where a typo left one slash or none
     * ({@code postgresql:/user:pw@host/db}). A password may hold '@', '/', ':', '?' or '#' unescaped, as drivers
     * accept it, so the user info runs to the last '@' that a host follows ({@link #userInfoEnd}).
     */
    private static String maskUserInfo(String url) {
        int start = authorityStart(url);
        int end = userInfoEnd(url);
        if (start < 0 || end < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > end) {
            return url;
        }
        return url.substring(0, colon + 1) + "****" + url.substring(end);
    }

    /**
     * The URL without its secrets: the password of its user info and its password parameters left out, for a
     * URL to be written where others may read it.
     *
     * @param url a store's URL
     * @return the URL with no password in it
     */
    public static String withoutSecrets(String url) {
        String result = SETTING_PASSWORD.matcher(url).replaceAll("");
        int start = authorityStart(result);
        int end = userInfoEnd(result);
        if (start >= 0 && end > start) {
            int colon = result.indexOf(':', start);
            if (colon >= 0 && colon < end) {
                result = result.substring(0, colon) + result.substring(end);
            }
        }
        int query = queryStart(result);
        if (query < 0) {
            return result;
        }
        String kept = Arrays.stream(result.substring(query + 1).split("&"))
                .filter(pair -> !PASSWORD_PARAMETER.matcher(pair).lookingAt())
                .collect(Collectors.joining("&"));
        return result.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /**
     * Every secret {@code url} holds, as written and decoded: the password of its user info and the values of its
     * password parameters; for masking them wherever they turn up.
     */
    static List<String> secrets(String url) {
        List<String> secrets = new ArrayList<>();
        int start = authorityStart(url);
        int end = userInfoEnd(url);
        if (start >= 0 && end > start) {
            int colon = url.indexOf(':', start);
            if (colon >= 0 && colon < end) {
                addSecret(secrets, url.substring(colon + 1, end));
            }
        }
        Matcher parameters = PASSWORD_PARAMETER.matcher(url);
        while (parameters.find()) {
            addSecret(secrets, parameters.group(2) != null ? parameters.group(2) : parameters.group(4));
        }
        return secrets;
    }

    private static void addSecret(List<String> secrets, String raw) {
        if (!raw.isEmpty()) {
            secrets.add(raw);
            try {
                secrets.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // Not percent-encoded; the raw form is the one to mask.
            }
        }
    }

    /** {@code text} with each of {@code secrets} replaced by {@code ****}, longest first. */
    static String maskSecrets(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets.stream().filter(value -> !value.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, "****");
        }
        return masked;
    }

    /** Where the user info (or host) begins: after the scheme's colon and any slashes; -1 without a scheme. */
    private static int authorityStart(String url) {
        int offset = url.regionMatches(true, 0, "jdbc:", 0, 5) ? 5 : 0;
        int colon = url.indexOf(':', offset);
        if (colon < 0) {
            return -1;
        }
        int start = colon + 1;
        while (start < url.length() && url.charAt(start) == '/') {
            start++;
        }
        return start;
    }

    /**
     * The '@' that ends the user info: the last one that a host name (and port, or several of them) and a '/'
     * follow, else the last one that a host and the query or the end follow; -1 when there is none. A '@' in a
     * query value ({@code ?ApplicationName=me@work}) is thus not taken for the end of the user info.
     */
    private static int userInfoEnd(String url) {
        for (int at = url.lastIndexOf('@'); at >= 0; at = url.lastIndexOf('@', at - 1)) {
            if (HOST_THEN_PATH.matcher(url).region(at + 1, url.length()).lookingAt()) {
                return at;
            }
        }
        int start = Math.max(0, authorityStart(url));
        for (int at = url.lastIndexOf('@'); at >= start; at = url.lastIndexOf('@', at - 1)) {
            // Without a database path after the host; but a '@' after a path and its query is a query value's.
            if (HOST_THEN_END.matcher(url).region(at + 1, url.length()).lookingAt()
                    && !PATH_THEN_QUERY.matcher(url).region(start, at).find()) {
                return at;
            }
        }
        return -1;
    }

    /** The '?' that starts the query string of {@code text}: the first one after any user info. */
    private static int queryStart(String text) {
        int userInfo = userInfoEnd(text);
        return text.indexOf('?', Math.max(0, userInfo));
    }

    /**
     * The parameters of the query string, decoded, in order.
     *
     * @param url a store's URL
     * @return the parameters by name; empty when there is no query string
     */
    public static Map<String, String> queryParameters(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = queryStart(url);
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
