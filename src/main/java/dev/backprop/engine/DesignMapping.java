package dev.backprop.engine;

import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
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

    static IActivation activation(String name, Double alpha) {
        if (alpha != null && name.equals("leaky_relu")) {
            return new ActivationLReLU(alpha);
        }
        if (alpha != null && name.equals("elu")) {
            return new ActivationELU(alpha);
        }
        return activation(name).getActivationFunction();
    }

    static WeightInit weightInit(String name) {
        return switch (name) {
            // Glorot uniform, the Keras default.
            case "xavier" -> WeightInit.XAVIER_UNIFORM;
            case "xavier_normal" -> WeightInit.XAVIER;
            case "he" -> WeightInit.RELU;
            case "he_uniform" -> WeightInit.RELU_UNIFORM;
            case "uniform" -> WeightInit.UNIFORM;
            case "normal" -> WeightInit.NORMAL;
            case "zeros" -> WeightInit.ZERO;
            default -> throw new IllegalArgumentException("No DL4J weight initialisation for '" + name + "'");
        };
    }

    static LossFunction loss(String name) {
        return switch (name) {
            case "binary_crossentropy" -> LossFunction.XENT;
            case "categorical_crossentropy" -> LossFunction.MCXENT;
            case "mse" -> LossFunction.MSE;
            case "mae" -> LossFunction.MEAN_ABSOLUTE_ERROR;
            case "hinge" -> LossFunction.HINGE;
            default -> throw new IllegalArgumentException("No DL4J loss for '" + name + "'");
        };
    }

    static IUpdater optimizer(String name, double learningRate) {
        return optimizer(name, learningRate, null, 0.9);
    }

    /** {@code schedule} null: a constant rate (DL4J's plain constructors, the best-trodden path). */
    static IUpdater optimizer(String name, double learningRate, ISchedule schedule, double momentum) {
        if (schedule == null) {
            return switch (name) {
                case "adam" -> new Adam(learningRate);
                case "sgd" -> new Sgd(learningRate);
                case "momentum", "nesterovs" -> new Nesterovs(learningRate, momentum);
                case "rmsprop" -> new RmsProp(learningRate);
                case "adagrad" -> new AdaGrad(learningRate);
                case "adadelta" -> new AdaDelta();
                case "adamax" -> new AdaMax(learningRate);
                case "nadam" -> new Nadam(learningRate);
                default -> throw new IllegalArgumentException("No DL4J updater for '" + name + "'");
            };
        }
        ISchedule rate = schedule;
        return switch (name) {
            case "adam" -> new Adam(rate);
            case "sgd" -> new Sgd(rate);
            // DL4J has no classical-momentum updater: momentum is Nesterov's, which the course presents as its refinement.
            case "momentum", "nesterovs" -> new Nesterovs(rate, momentum);
            case "rmsprop" -> new RmsProp(rate);
            // AdaGrad with a schedule yields NaN in DL4J M2.1 and AdaDelta has no rate: the resolver refuses both.
            case "adamax" -> new AdaMax(rate);
            case "nadam" -> new Nadam(rate);
            default -> throw new IllegalArgumentException("No DL4J updater for '" + name + "'");
        };
    }

    /** The learning rate per epoch: constant, stepped down every few epochs, or decayed exponentially. */
    static ISchedule schedule(double learningRate, String type, double decayRate, int every) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "step" -> new StepSchedule(ScheduleType.EPOCH, learningRate, decayRate, every);
            case "exponential" -> new ExponentialSchedule(ScheduleType.EPOCH, learningRate, decayRate);
            default -> throw new IllegalArgumentException("No DL4J schedule for '" + type + "'");
        };
    }
}
