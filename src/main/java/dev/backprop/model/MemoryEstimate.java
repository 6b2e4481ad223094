package dev.backprop.model;

/**
 * The memory a training run needs, estimated from the design before anything is allocated: every parameter as a
 * 32-bit float for the weights, their gradients and the optimizer's state (Adam keeps two moments per parameter,
 * momentum one, plain SGD none), plus every layer's activations and their gradients for one batch. DL4J's workspaces
 * add some overhead on top; the estimate is meant to catch networks that are orders of magnitude too big.
 */
final class MemoryEstimate {

    private static final long BYTES_PER_VALUE = Float.BYTES;

    private MemoryEstimate() {
    }

    /** {@code batchRows} is the rows per gradient step (for batch size "all", the whole training part). */
    static long trainingBytes(NetworkDesign design, long parameters, long batchRows) {
        long perParameter = 2 + optimizerSlots(design.optimizer());
        long activations = saturatingProduct(activationsPerRow(design), Math.max(1, batchRows), 2);
        return saturatingProduct(saturatingAdd(saturatingProduct(parameters, perParameter, 1), activations), BYTES_PER_VALUE, 1);
    }

    /** The input plus every layer's output, per row. */
    private static long activationsPerRow(NetworkDesign design) {
        Shapes.Shape shape = Shapes.input(design);
        long values = shape.size();
        for (NetworkDesign.HiddenLayer layer : design.hidden()) {
            shape = Shapes.after(layer, shape);
            values = saturatingAdd(values, shape.size());
        }
        return saturatingAdd(values, design.outputs());
    }

    private static int optimizerSlots(String optimizer) {
        return switch (optimizer) {
            case "sgd" -> 0;
            case "momentum", "nesterovs", "rmsprop", "adagrad" -> 1;
            default -> 2; // adam, adamax, nadam, adadelta
        };
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatingProduct(long a, long b, long c) {
        try {
            return Math.multiplyExact(Math.multiplyExact(a, b), c);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static String readable(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
