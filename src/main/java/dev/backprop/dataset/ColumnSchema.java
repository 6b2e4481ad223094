package dev.backprop.dataset;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What we know about one column. {@code levels} lists distinct values sorted by value (all of them up to the
 * tracking cap, see {@code levelsTruncated}); numeric statistics are present for numeric and boolean columns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSchema(
        String name,
        ColumnType type,
        long missing,
        long distinct,
        Double min,
        Double max,
        Double mean,
        Double std,
        List<LevelCount> levels,
        Boolean levelsTruncated) {

    public boolean hasLevel(String value) {
        return levels != null && levels.stream().anyMatch(level -> level.value().equals(value));
    }

    public List<String> levelValues() {
        return levels == null ? List.of() : levels.stream().map(LevelCount::value).toList();
    }
}
