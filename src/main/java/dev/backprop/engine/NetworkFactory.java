package dev.backprop.engine;

import dev.backprop.model.NetworkDesign;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;

/** Builds an initialised DL4J network from a design. */
final class NetworkFactory {

    private NetworkFactory() {
    }

    static MultiLayerNetwork build(NetworkDesign design) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(design.seed())
                .dataType(DataType.FLOAT)
                .updater(DesignMapping.optimizer(design.optimizer(), design.learningRate()))
                // Glorot uniform, as Keras does by default.
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .l2(design.l2())
                .list();
        for (NetworkDesign.HiddenLayer layer : design.hidden()) {
            if (layer.isDropout()) {
                if (layer.dropRate() > 0) {
                    // DL4J's argument is the probability of KEEPING a unit; users give the fraction dropped.
                    layers.layer(new DropoutLayer.Builder(1.0 - layer.dropRate()).build());
                }
            } else {
                layers.layer(new DenseLayer.Builder()
                        .nOut(layer.units())
                        .activation(DesignMapping.activation(layer.activation()))
                        .build());
            }
        }
        layers.layer(new OutputLayer.Builder(DesignMapping.loss(design.loss()))
                .nOut(design.outputs())
                .activation(DesignMapping.activation(design.outputActivation()))
                .build());
        layers.setInputType(InputType.feedForward(design.inputs()));
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }
}
