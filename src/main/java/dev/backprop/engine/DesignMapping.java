package dev.backprop.engine;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Our names for activations, losses and optimizers, translated to DL4J's. */
final class DesignMapping {

    private DesignMapping() {
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "softmax" -> Activation.SOFTMAX;
            case "identity", "linear" -> Activation.IDENTITY;
            case "leaky_relu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "selu" -> Activation.SELU;
            case "gelu" -> Activation.GELU;
            case "swish" -> Activation.SWISH;
            case "softplus" -> Activation.SOFTPLUS;
            case "softsign" -> Activation.SOFTSIGN;
            case "hard_sigmoid" -> Activation.HARDSIGMOID;
            case "hard_tanh" -> Activation.HARDTANH;
            default -> throw new IllegalArgumentException("No DL4J activation for '" + name + "'");
        };
    }

    static LossFunction loss(String name) {
        return switch (name) {
            case "binary_crossentropy" -> LossFunction.XENT;
            case "categorical_crossentropy" -> LossFunction.MCXENT;
            case "mse" -> LossFunction.MSE;
            case "mae" -> LossFunction.MEAN_ABSOLUTE_ERROR;
            default -> throw new IllegalArgumentException("No DL4J loss for '" + name + "'");
        };
    }

    static IUpdater optimizer(String name, double learningRate) {
        return switch (name) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> new Sgd(learningRate);
            case "nesterovs" -> new Nesterovs(learningRate, 0.9);
            case "rmsprop" -> new RmsProp(learningRate);
            case "adagrad" -> new AdaGrad(learningRate);
            // AdaDelta adapts its own step size; it takes no learning rate.
            case "adadelta" -> new AdaDelta();
            case "adamax" -> new AdaMax(learningRate);
            case "nadam" -> new Nadam(learningRate);
            default -> throw new IllegalArgumentException("No DL4J updater for '" + name + "'");
        };
    }
}
