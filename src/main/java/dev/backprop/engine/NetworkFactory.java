package dev.backprop.engine;

import dev.backprop.model.NetworkDesign;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/** Builds an initialised DL4J network from a design. */
final class NetworkFactory {

    private NetworkFactory() {
    }

    private static ConvolutionMode mode(String padding) {
        return "same".equals(padding) ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    static MultiLayerNetwork build(NetworkDesign design) {
        NetworkDesign.Training training = design.training();
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(design.seed())
                .dataType(DataType.FLOAT)
                .updater(DesignMapping.optimizer(design.optimizer(), design.learningRate(), DesignMapping.schedule(
                        design.learningRate(), training.scheduleType(), training.decayRate(), training.decayEvery()),
                        training.momentum()))
                .weightInit(DesignMapping.weightInit(training.weightInit()))
                .l1(training.l1())
                .l2(design.l2());
        if (training.gradientClipping() != null) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(training.gradientClipping());
        }
        NeuralNetConfiguration.ListBuilder layers = builder.list();
        // Maxout (our own layer) needs its input width; maxout is only allowed without images, where this is simple.
        long width = design.inputs();
        for (NetworkDesign.HiddenLayer layer : design.hidden()) {
            if (layer.isMaxout()) {
                layers.layer(new MaxoutLayer(width, layer.units(), layer.pieces(),
                        DesignMapping.weightInit(layer.weightInit() == null ? training.weightInit() : layer.weightInit())));
                width = layer.units();
            } else if (layer.isDropout()) {
                if (layer.dropRate() > 0) {
                    // DL4J's argument is the probability of KEEPING a unit; users give the fraction dropped.
                    layers.layer(new DropoutLayer.Builder(1.0 - layer.dropRate()).build());
                }
            } else if (layer.isBatchNorm()) {
                layers.layer(new BatchNormalization.Builder().build());
            } else if (layer.isConvolution()) {
                layers.layer(new ConvolutionLayer.Builder(layer.kernel())
                        .stride(layer.stride())
                        .convolutionMode(mode(layer.padding()))
                        .nOut(layer.units())
                        .activation(DesignMapping.activation(layer.activation(), layer.alpha()))
                        .build());
            } else if (layer.isPooling()) {
                layers.layer(new SubsamplingLayer.Builder(layer.type().equals("max_pooling") ? PoolingType.MAX : PoolingType.AVG)
                        .kernelSize(layer.kernel())
                        .stride(layer.stride())
                        .convolutionMode(mode(layer.padding()))
                        .build());
            } else if (layer.isFlatten()) {
                // DL4J flattens between convolutional and dense layers by itself (setInputType adds the preprocessor).
                continue;
            } else {
                DenseLayer.Builder dense = new DenseLayer.Builder()
                        .nOut(layer.units())
                        .activation(DesignMapping.activation(layer.activation(), layer.alpha()));
                if (layer.weightInit() != null) {
                    dense.weightInit(DesignMapping.weightInit(layer.weightInit()));
                }
                layers.layer(dense.build());
                width = layer.units();
            }
        }
        layers.layer(new OutputLayer.Builder(DesignMapping.loss(design.loss()))
                .nOut(design.outputs())
                .activation(DesignMapping.activation(design.outputActivation()))
                .build());
        layers.setInputType(design.image() == null ? InputType.feedForward(design.inputs())
                : InputType.convolutionalFlat(design.image().height(), design.image().width(), design.image().channels()));
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }
}
