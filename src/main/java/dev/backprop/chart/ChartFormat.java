package dev.backprop.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** The file types a chart can be fetched as. */
public enum ChartFormat {
    PNG("image/png"), SVG("image/svg+xml");

    private final String mediaType;

    ChartFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ChartFormat> fromExtension(String extension) {
        return switch (extension) {
            case "png" -> Optional.of(PNG);
            case "svg" -> Optional.of(SVG);
            default -> Optional.empty();
        };
    }

    /**
     * VectorGraphics2D draws text as outlines; an SVG {@code <title>} keeps the chart's title readable for screen
     * readers, browsers' tooltips and programs.
     */
    private static String withTitle(String svg, String title) {
        int open = svg.indexOf("<svg");
        int end = open < 0 ? -1 : svg.indexOf('>', open);
        if (end < 0) {
            return svg;
        }
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return svg.substring(0, end + 1) + "<title>" + escaped + "</title>" + svg.substring(end + 1);
    }

    byte[] encode(Chart<?, ?> chart) {
        try {
            if (this == PNG) {
                return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return withTitle(out.toString(StandardCharsets.UTF_8), chart.getTitle()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
