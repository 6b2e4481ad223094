package dev.backprop.chart.web;

import dev.backprop.chart.ChartFormat;
import dev.backprop.chart.ChartService;
import dev.backprop.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Charts", description = "Loss and accuracy curves of a job; ROC curve and confusion matrix of a version; PNG or SVG.")
class ChartController {

    private final ChartService charts;

    ChartController(ChartService charts) {
        this.charts = charts;
    }

    @GetMapping("/api/models/{id}/versions/{version}/charts/{name}.{format}")
    @Operation(summary = "A chart of a trained version", description = "name: roc (with AUC, and the logistic baseline's) or"
            + " confusion-matrix; format: png or svg")
    ResponseEntity<byte[]> versionChart(@PathVariable long id, @PathVariable int version, @PathVariable String name,
            @PathVariable String format) {
        ChartFormat chartFormat = format(format);
        return image(charts.versionChart(id, version, name, chartFormat), chartFormat);
    }

    @GetMapping("/api/training-jobs/{id}/charts/{name}.{format}")
    @Operation(summary = "A chart of a training job", description = "name: loss or accuracy (training vs held-out part per"
            + " epoch); format: png or svg")
    ResponseEntity<byte[]> jobChart(@PathVariable long id, @PathVariable String name, @PathVariable String format) {
        ChartFormat chartFormat = format(format);
        return image(charts.jobChart(id, name, chartFormat), chartFormat);
    }

    private static ChartFormat format(String extension) {
        return ChartFormat.fromExtension(extension).orElseThrow(() -> new InvalidRequestException("format",
                "unknown chart format '" + extension + "'; allowed: png, svg"));
    }

    private static ResponseEntity<byte[]> image(byte[] bytes, ChartFormat format) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType())).body(bytes);
    }
}
