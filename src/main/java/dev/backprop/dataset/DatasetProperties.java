package dev.backprop.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits for uploads ({@code backprop.datasets.*}); the upload size itself is
 * {@code spring.servlet.multipart.max-file-size}.
 *
 * @param maxRows          largest number of data rows accepted
 * @param maxColumns       largest number of columns accepted
 * @param maxTrackedLevels distinct values remembered per column (the one-hot vocabulary comes from these)
 * @param maxPreviewRows   largest {@code limit} for the rows preview
 * @param maxRowLength     characters in one row (the header too), so a single huge line is refused before it is held
 *                         in memory; also applies to CSV prediction requests
 * @param maxCharacters    characters of CSV text in one upload or CSV prediction request once unpacked, so a small
 *                         gzip file cannot expand without bound
 */
@ConfigurationProperties("backprop.datasets")
public record DatasetProperties(Integer maxRows, Integer maxColumns, Integer maxTrackedLevels, Integer maxPreviewRows,
        Integer maxRowLength, Long maxCharacters) {

    public DatasetProperties {
        maxRows = maxRows == null ? 1_000_000 : maxRows;
        maxColumns = maxColumns == null ? 2_000 : maxColumns;
        maxTrackedLevels = maxTrackedLevels == null ? 1_000 : maxTrackedLevels;
        maxPreviewRows = maxPreviewRows == null ? 1_000 : maxPreviewRows;
        maxRowLength = maxRowLength == null ? 1_000_000 : maxRowLength;
        maxCharacters = maxCharacters == null ? 1_000_000_000L : maxCharacters;
    }
}
