package dev.backprop.model.web;

import java.net.URI;
import java.util.List;

import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelInfo;
import dev.backprop.model.ModelService;
import dev.backprop.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "Describe a network for a dataset's target; see its layers and parameter counts.")
class ModelController {

    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
    }

    @PostMapping
    @Operation(summary = "Define a model",
            description = "Validates the whole definition against the dataset (400 lists every problem with its JSON path)"
                    + " and answers 201 with the definition, defaults filled in, and the network drawn layer by layer.")
    ResponseEntity<ModelResponse> define(@RequestBody ModelDefinition definition) {
        ModelInfo model = models.define(definition);
        return ResponseEntity.created(URI.create("/api/models/" + model.id())).body(ModelResponse.from(model));
    }

    @GetMapping
    @Operation(summary = "List models, newest first")
    PageResponse<ModelResponse> list(
            @ParameterObject @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(models.list(pageable), ModelResponse::from);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A model: definition, network and latest version")
    ModelResponse get(@PathVariable long id) {
        return ModelResponse.from(models.get(id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Trained versions, newest first, with train and test metrics")
    List<VersionResponse> versions(@PathVariable long id) {
        return models.versions(id).stream().map(VersionResponse::from).toList();
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One trained version: metrics on both parts, the baseline, the overfitting verdict, preprocessing")
    VersionResponse version(@PathVariable long id, @PathVariable int version) {
        return VersionResponse.from(models.version(id, version));
    }
}
