package dev.cairn.cli;

import dev.cairn.core.CairnException;
import dev.cairn.core.Layer;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;
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
