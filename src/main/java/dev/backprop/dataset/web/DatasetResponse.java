package dev.backprop.dataset.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.dataset.ColumnSchema;
import dev.backprop.dataset.ColumnType;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.LevelCount;

/** A dataset and its inferred schema. Levels are the most frequent values, capped at {@value #LEVELS_SHOWN}. */
public record DatasetResponse(
        long id,
        String name,
        String filename,
        long sizeBytes,
        long rows,
        int columnCount,
        String sha256,
        Instant createdAt,
        List<Column> columns) {

    static final int LEVELS_SHOWN = 50;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(String name, ColumnType type, long missing, long distinct, Double min, Double max,
            Double mean, Double std, List<LevelCount> levels, Boolean levelsCapped) {

        static Column from(ColumnSchema column) {
            boolean showLevels = column.type() != ColumnType.NUMERIC || column.distinct() <= 20;
            List<LevelCount> levels = showLevels && column.levels() != null
                    ? column.levels().stream()
                            .sorted(Comparator.comparingLong(LevelCount::count).reversed().thenComparing(LevelCount::value))
                            .limit(LEVELS_SHOWN)
                            .toList()
                    : null;
            Boolean capped = levels == null ? null : column.distinct() > levels.size();
            return new Column(column.name(), column.type(), column.missing(), column.distinct(), column.min(),
                    column.max(), column.mean(), column.std(), levels, capped);
        }
    }

    static DatasetResponse from(DatasetInfo info) {
        return new DatasetResponse(info.id(), info.name(), info.filename(), info.sizeBytes(), info.rows(), info.columns(),
                info.sha256(), info.createdAt(), info.schema().columns().stream().map(Column::from).toList());
    }
}
