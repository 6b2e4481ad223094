package dev.backprop.model;

/**
 * How data changes shape through a network: images (height × width × channels) through convolution and pooling,
 * flat vectors through dense layers. Convolution and pooling output size: {@code (in − kernel) / stride + 1}
 * (rounded down) with valid padding, {@code in / stride} (rounded up) with same padding.
 */
final class Shapes {

    /** An image ({@code height > 0}) or a flat vector of {@code flat} values. */
    record Shape(int height, int width, int channels, int flat) {

        static Shape flat(int size) {
            return new Shape(0, 0, 0, size);
        }

        static Shape image(int height, int width, int channels) {
            return new Shape(height, width, channels, 0);
        }

        boolean isImage() {
            return height > 0;
        }

        /** Saturates at {@link Integer#MAX_VALUE} (a 4096×4096 image of 1024 filters would overflow an int). */
        int size() {
            return isImage() ? (int) Math.min(Integer.MAX_VALUE, (long) height * width * channels) : flat;
        }

        int[] dimensions() {
            return isImage() ? new int[] {height, width, channels} : new int[] {flat};
        }
    }

    private Shapes() {
    }

    static Shape input(NetworkDesign design) {
        return design.image() == null ? Shape.flat(design.inputs())
                : Shape.image(design.image().height(), design.image().width(), design.image().channels());
    }

    static Shape after(NetworkDesign.HiddenLayer layer, Shape in) {
        if (layer.isConvolution()) {
            return Shape.image(out(in.height(), layer.kernel()[0], layer.stride()[0], layer.padding()),
                    out(in.width(), layer.kernel()[1], layer.stride()[1], layer.padding()), layer.units());
        }
        if (layer.isPooling()) {
            return Shape.image(out(in.height(), layer.kernel()[0], layer.stride()[0], layer.padding()),
                    out(in.width(), layer.kernel()[1], layer.stride()[1], layer.padding()), in.channels());
        }
        if (layer.isFlatten()) {
            return Shape.flat(in.size());
        }
        if (layer.isDropout() || layer.isBatchNorm()) {
            return in;
        }
        return Shape.flat(layer.units());
    }

    /** Trainable parameters, plus batch normalisation's running mean and variance (as Keras and DL4J count them). */
    static long parameters(NetworkDesign.HiddenLayer layer, Shape in) {
        if (layer.isConvolution()) {
            return (long) layer.kernel()[0] * layer.kernel()[1] * in.channels() * layer.units() + layer.units();
        }
        if (layer.isBatchNorm()) {
            return 4L * (in.isImage() ? in.channels() : in.size());
        }
        if (layer.isMaxout()) {
            return ((long) in.size() + 1) * layer.units() * layer.pieces();
        }
        if (layer.isPooling() || layer.isFlatten() || layer.isDropout()) {
            return 0;
        }
        return (long) in.size() * layer.units() + layer.units();
    }

    private static int out(int in, int kernel, int stride, String padding) {
        return "same".equals(padding) ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
    }
}
