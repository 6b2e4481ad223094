package dev.backprop.dataset;

import java.util.List;
import java.util.Map;

/** A window of a dataset's rows, each as column → raw value ({@code null} when missing). */
public record RowsPage(long datasetId, int offset, int limit, long total, List<String> columns,
        List<Map<String, String>> rows) {
}
