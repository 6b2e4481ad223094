package dev.backprop.model;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.DatasetService;
import dev.backprop.dataset.DatasetUsage;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Defines models and keeps their trained versions. */
@Service
public class ModelService implements DatasetUsage {

    private final ModelRepository models;
    private final ModelVersionRepository versions;
    private final ModelParametersRepository parameters;
    private final DatasetService datasets;
    private final DefinitionResolver resolver;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ModelService(ModelRepository models, ModelVersionRepository versions, ModelParametersRepository parameters,
            DatasetService datasets, ModelProperties limits, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.models = models;
        this.versions = versions;
        this.parameters = parameters;
        this.datasets = datasets;
        this.resolver = new DefinitionResolver(limits);
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public ModelInfo define(ModelDefinition definition) {
        ModelPlan plan = resolver.resolve(definition, datasetForUse(definition.datasetId()));
        Model model = models.save(new Model(plan.definition().name(), plan.definition().datasetId(),
                json.writeValueAsString(plan.definition()), json.writeValueAsString(plan.summary()), clock.instant()));
        return toInfo(model);
    }

    @Transactional(readOnly = true)
    public ModelInfo get(long id) {
        return toInfo(find(id));
    }

    @Transactional(readOnly = true)
    public Page<ModelInfo> list(Pageable pageable) {
        return models.findAll(pageable).map(this::toInfo);
    }

    /** Re-resolves the stored definition against its dataset: what a training job needs. */
    @Transactional(readOnly = true)
    public ModelPlan plan(long id) {
        Model model = find(id);
        if (model.isDatasetDeleted()) {
            throw new ConflictException("Model " + id + " cannot be trained: its dataset " + model.getDatasetId()
                    + " was deleted. Upload the data again and define a new model on it.");
        }
        ModelDefinition definition = json.readValue(model.getDefinitionJson(), ModelDefinition.class);
        return resolver.resolve(definition, dataset(model.getDatasetId()));
    }

    /** The model's stored definition changed by {@code change} (e.g. a tuning candidate), resolved again. */
    @Transactional(readOnly = true)
    public ModelPlan plan(long id, java.util.function.UnaryOperator<ModelDefinition> change) {
        ModelPlan plan = plan(id);
        ModelDefinition changed = change.apply(plan.definition());
        // The stored definition lists its features; exclude must not come back in next to them.
        return resolver.resolve(changed, dataset(changed.datasetId()));
    }

    /** Stores a successful training as the model's next version; returns its number. */
    @Transactional
    public int addVersion(long modelId, long trainingJobId, Preprocessor preprocessor, EvaluatedVersion metrics,
            byte[] networkBytes) {
        find(modelId);
        int number = versions.findFirstByModelIdOrderByNumberDesc(modelId).map(v -> v.getNumber() + 1).orElse(1);
        ModelVersion version = versions.save(new ModelVersion(modelId, number, trainingJobId, clock.instant(),
                json.writeValueAsString(preprocessor), json.writeValueAsString(metrics)));
        parameters.save(new ModelParameters(version.getId(), networkBytes));
        events.publishEvent(new VersionCreated(modelId, number));
        return number;
    }

    @Transactional(readOnly = true)
    public List<VersionInfo> versions(long modelId) {
        find(modelId);
        return versions.findByModelIdOrderByNumberDesc(modelId).stream().map(this::toInfo).toList();
    }

    @Transactional(readOnly = true)
    public VersionInfo version(long modelId, int number) {
        find(modelId);
        return toInfo(versions.findByModelIdAndNumber(modelId, number)
                .orElseThrow(() -> new NotFoundException("Version " + number + " of model", modelId)));
    }

    /** The newest version's number, or empty while the model has none. */
    @Transactional(readOnly = true)
    public Optional<Integer> latestVersion(long modelId) {
        find(modelId);
        return versions.findFirstByModelIdOrderByNumberDesc(modelId).map(ModelVersion::getNumber);
    }

    /** The newest version when {@code number} is empty. Throws when the model has no such version. */
    @Transactional(readOnly = true)
    public StoredVersion stored(long modelId, Optional<Integer> number) {
        find(modelId);
        ModelVersion version = number.map(n -> versions.findByModelIdAndNumber(modelId, n)
                        .orElseThrow(() -> new NotFoundException("Version " + n + " of model", modelId)))
                .orElseGet(() -> versions.findFirstByModelIdOrderByNumberDesc(modelId)
                        .orElseThrow(() -> new ConflictException("Model " + modelId
                                + " has no trained version yet: start one with POST /api/models/" + modelId + "/training-jobs")));
        byte[] bytes = parameters.findById(version.getId()).orElseThrow().getBytes();
        return new StoredVersion(modelId, version.getId(), version.getNumber(),
                json.readValue(version.getPreprocessorJson(), Preprocessor.class), bytes);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> modelsUsing(long datasetId) {
        return models.findByDatasetIdAndDatasetDeletedFalse(datasetId).stream()
                .map(model -> "model " + model.getId() + " (" + model.getName() + ")")
                .toList();
    }

    @Override
    @Transactional
    public void datasetDeleted(long datasetId) {
        models.findByDatasetIdAndDatasetDeletedFalse(datasetId).forEach(Model::markDatasetDeleted);
    }

    private Optional<DatasetInfo> datasetForUse(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(datasets.getForUse(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<DatasetInfo> dataset(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(datasets.get(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Model find(long id) {
        return models.findById(id).orElseThrow(() -> new NotFoundException("Model", id));
    }

    private ModelInfo toInfo(Model model) {
        Integer latest = versions.findFirstByModelIdOrderByNumberDesc(model.getId()).map(ModelVersion::getNumber).orElse(null);
        return new ModelInfo(model.getId(), model.getName(), model.getDatasetId(), model.isDatasetDeleted(),
                json.readValue(model.getDefinitionJson(), ModelDefinition.class),
                json.readValue(model.getSummaryJson(), NetworkSummary.class), model.getCreatedAt(), latest);
    }

    private VersionInfo toInfo(ModelVersion version) {
        return new VersionInfo(version.getModelId(), version.getNumber(), version.getTrainingJobId(), version.getCreatedAt(),
                json.readValue(version.getMetricsJson(), EvaluatedVersion.class),
                json.readValue(version.getPreprocessorJson(), Preprocessor.class));
    }
}
