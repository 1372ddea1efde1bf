package dev.cairn.cli;

import dev.cairn.core.CairnException;
import dev.cairn.core.Layer;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the model's values from the command line as leniently as the model does ({@code task}, {@code TSK},
 * {@code acceptance_criteria}; {@code in-progress}; {@code med}), and offers their names to help and shell
 * completion.
 */
final class Converters {
    private Converters() {
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (CairnException invalid) {
            throw new TypeConversionException(invalid.getMessage().replaceFirst("^Invalid ", ""));
        }
    }

    static final class LayerConverter implements ITypeConverter<Layer> {
        @Override
        public Layer convert(String value) {
            return parse(value, Layer::parse);
        }
    }

    static final class StatusConverter implements ITypeConverter<Status> {
        @Override
        public Status convert(String value) {
            return parse(value, Status::parse);
        }
    }

    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return parse(value, Severity::parse);
        }
    }

    static final class WorkTypeConverter implements ITypeConverter<WorkType> {
        @Override
        public WorkType convert(String value) {
            return parse(value, WorkType::parse);
        }
    }

    /** An ISO instant ({@code 2025-03-01T09:30:00Z}), a date-time with an offset, or a date (midnight UTC). */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException invalid) {
                throw new TypeConversionException("'" + value + "' is no date: write 2025-03-01 or "
                        + "2025-03-01T09:30:00Z");
            }
        }
    }

    /** A size in bytes: {@code 65536}, or with a binary unit, {@code 512k}, {@code 100m}, {@code 2g} (KiB, MiB, GiB). */
    static final class SizeConverter implements ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(k|m|g)?(i?b)?");

        @Override
        public Long convert(String value) {
            Matcher size = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (size.matches()) {
                long amount = Long.parseLong(size.group(1));
                int shift = size.group(2) == null ? 0 : switch (size.group(2)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    default -> 30;
                };
                if (amount > 0 && amount <= Long.MAX_VALUE >> shift) {
                    return amount << shift;
                }
            }
            throw new TypeConversionException("'" + value + "' is no size: write bytes, or 512k, 100m, 2g (KiB, MiB, "
                    + "GiB), more than zero");
        }
    }

    /**
     * A positive duration: {@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h}, joined as in {@code 1h30m}, or
     * ISO-8601 ({@code PT5M}).
     */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
            if (duration == null || duration.isZero() || duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' is no duration: write 500ms, 90s, 5m, 1h, 1h30m "
                        + "or PT5M, more than zero");
            }
            return duration;
        }

        private static Duration parse(String text) {
            if (text.startsWith("pt") || text.startsWith("p")) {
                try {
                    return Duration.parse(text);
                } catch (DateTimeParseException invalid) {
                    return null;
                }
            }
            Matcher part = PART.matcher(text);
            Duration total = Duration.ZERO;
            int end = 0;
            while (end < text.length() && part.find(end) && part.start() == end) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                });
                end = part.end();
            }
            return end == text.length() && end > 0 ? total : null;
        }
    }

    static final class LayerNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(Layer.values()).map(layer -> layer.displayName().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    static final class StatusNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(Status.values()).map(Status::wireName).iterator();
        }
    }

    static final class SeverityNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(Severity.values()).map(Severity::wireName).iterator();
        }
    }

    static final class WorkTypeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(WorkType.values()).map(WorkType::wireName).iterator();
        }
    }
}
